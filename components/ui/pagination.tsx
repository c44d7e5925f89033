import Link from "next/link";

/** Previous/next links for a paged list; keeps the list's other query parameters. */
export function Pagination({
  page,
  pageSize,
  total,
  href,
}: {
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <span>
        Page {page} of {pages} · {total.toLocaleString("en")} in all
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={linkClass}>
            Previous page
          </Link>
        ) : null}
        {page < pages ? (
          <Link href={href(page + 1)} className={linkClass}>
            Next page
          </Link>
        ) : null}
      </span>
    </nav>
  );
}

/** A page number from a search parameter: anything that is not a positive whole number is page 1. */
export function pageParam(value: string | string[] | undefined): number {
  const page = Number(typeof value === "string" ? value : 1);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}
