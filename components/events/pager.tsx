import Link from "next/link";

/** No real list needs more pages; the bound keeps a made-up page number from turning into a huge offset. */
const MAX_PAGE = 10_000;

/** `?page=N` as a page number; anything else (missing, 0, "abc", 1.5, repeated) is the first page. */
export function pageFromQuery(value: unknown): number {
  if (typeof value !== "string" || !/^\d{1,5}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

/** Previous / next links under a list that is read a page at a time. Renders nothing when all fits on one page. */
export function Pager({ label, page, hasNext, href }: { label: string; page: number; hasNext: boolean; href: (page: number) => string }) {
  if (page === 1 && !hasNext) return null;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50";
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={link}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">Page {page}</span>
      {hasNext ? (
        <Link href={href(page + 1)} rel="next" className={link}>
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
