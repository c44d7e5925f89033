import "server-only";
import { readFileSync } from "node:fs";
import { connection } from "@/db/client";
import { env } from "@/lib/server/env";

/**
 * The floor `npm run bench:server` measures pages against: the exact statements one request for a page ran
 * (captured from PostgreSQL's statement log by the benchmark), replayed in a bare route handler of the same build.
 * Only a server started with KEYHOUSE_BENCH_FLOOR_FILE has it; everywhere else the route is a 404.
 */
export type BenchStatement = { text: string; params: (string | null)[] };

let statements: BenchStatement[] | undefined;

export function benchFloorEnabled(): boolean {
  return Boolean(env().KEYHOUSE_BENCH_FLOOR_FILE);
}

/** Runs the captured statements one after the other, as the page's gates and reads do; answers their rows. */
export async function replayBenchStatements(): Promise<unknown[][]> {
  const file = env().KEYHOUSE_BENCH_FLOOR_FILE;
  if (!file) throw new Error("the bench floor is not enabled");
  statements ??= JSON.parse(readFileSync(file, "utf8")) as BenchStatement[];
  const { pool } = await connection();
  if (!pool) throw new Error("the bench floor needs a PostgreSQL server");
  const rows: unknown[][] = [];
  for (const statement of statements) rows.push((await pool.query(statement.text, statement.params)).rows);
  return rows;
}
