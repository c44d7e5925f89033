import "server-only";
import { sql } from "drizzle-orm";
import { connection } from "@/db/client";

export type DatabaseHealth = { ok: boolean; kind: string | null };

/** A probe answers within this time even when the database does not (a frozen server, a connection timing out). */
const PROBE_TIMEOUT_MS = 2_000;

/** Whether the database answers `select 1`, and which kind it is; never throws. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  try {
    return await withinTimeout(probeDatabase(), PROBE_TIMEOUT_MS);
  } catch {
    return { ok: false, kind: null };
  }
}

async function probeDatabase(): Promise<DatabaseHealth> {
  const { db, kind } = await connection();
  await db.execute(sql`select 1`);
  return { ok: true, kind };
}

/** Rejects when `work` takes longer than `ms`; the work itself runs on and ends with its own timeouts. */
function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
