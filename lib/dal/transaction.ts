import "server-only";
import { type Executor, getDb, type Transaction } from "@/db/client";

/** What code above the DAL needs of the database: a transaction to hand to DAL functions, and its types. */
export type { Executor, Transaction };

/**
 * Runs `work` in one transaction: what it writes commits together or not at all. A "read only" transaction has the
 * database refuse every write.
 */
export async function inTransaction<T>(
  work: (tx: Transaction) => Promise<T>,
  accessMode: "read write" | "read only" = "read write",
): Promise<T> {
  return (await getDb()).transaction(work, accessMode === "read only" ? { accessMode } : undefined);
}
