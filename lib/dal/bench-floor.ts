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

/** The pages with a floor, each its own captured statements. */
export const BENCH_FLOORS = ["clients", "dashboard", "events"] as const;
export type BenchFloor = (typeof BENCH_FLOORS)[number];

let statements: Record<BenchFloor, BenchStatement[]> | undefined;

export function benchFloorEnabled(): boolean {
  return Boolean(env().KEYHOUSE_BENCH_FLOOR_FILE);
}

/** Runs one page's captured statements one after the other, as its gates and reads do; answers their rows. */
export async function replayBenchStatements(floor: BenchFloor): Promise<unknown[][]> {
  const file = env().KEYHOUSE_BENCH_FLOOR_FILE;
  if (!file) throw new Error("the bench floor is not enabled");
  statements ??= JSON.parse(readFileSync(file, "utf8")) as Record<BenchFloor, BenchStatement[]>;
  const { pool } = await connection();
  if (!pool) throw new Error("the bench floor needs a PostgreSQL server");
  const rows: unknown[][] = [];
  for (const statement of statements[floor]) rows.push((await pool.query(statement.text, statement.params)).rows);
  return rows;
}
