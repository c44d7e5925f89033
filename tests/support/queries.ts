import { observeQueries } from "@/db/client";

/** How many database queries `work` runs (for query-budget tests: a page's count must not grow with its data). */
export async function countQueries(work: () => Promise<unknown>): Promise<number> {
  let queries = 0;
  const stop = observeQueries(() => {
    queries += 1;
  });
  try {
    await work();
  } finally {
    stop();
  }
  return queries;
}
