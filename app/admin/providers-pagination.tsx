import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-classes";
import { PROVIDERS_PAGE_SIZE, type ProviderListParams } from "@/lib/validation/operator";

/** "Showing 51–60 of 60", with links to the neighbouring pages that keep the search. */
export function ProvidersPagination({
  params,
  shown,
  total,
}: {
  params: ProviderListParams;
  shown: number;
  total: number;
}) {
  const first = (params.page - 1) * PROVIDERS_PAGE_SIZE + 1;
  const pageCount = Math.ceil(total / PROVIDERS_PAGE_SIZE);
  return (
    <nav
      aria-label="Provider pages"
      className="mt-4 flex flex-wrap items-center justify-between gap-4 text-sm text-slate-700"
    >
      <p>
        Showing {first}–{first + shown - 1} of {total} {total === 1 ? "provider" : "providers"}
      </p>
      {pageCount > 1 ? (
        <div className="flex items-center gap-2">
          {params.page > 1 ? (
            <Link href={pageHref(params.q, params.page - 1)} className={buttonClasses("secondary")}>
              Previous page
            </Link>
          ) : null}
          <span>
            Page {params.page} of {pageCount}
          </span>
          {params.page < pageCount ? (
            <Link href={pageHref(params.q, params.page + 1)} className={buttonClasses("secondary")}>
              Next page
            </Link>
          ) : null}
        </div>
      ) : null}
    </nav>
  );
}

function pageHref(q: string, page: number): string {
  const search = new URLSearchParams();
  if (q) search.set("q", q);
  if (page > 1) search.set("page", String(page));
  const query = search.toString();
  return query ? `/admin?${query}` : "/admin";
}
