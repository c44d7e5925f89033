import "server-only";
import { type Executor, getDb, type Transaction } from "@/db/client";

/** What code above the DAL needs of the database: a transaction to hand to DAL functions, and its types. */
export type { Executor, Transaction };

/** Runs `work` in one transaction: what it writes commits together or not at all. */
export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return (await getDb()).transaction(work);
}
