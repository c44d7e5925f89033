import { BENCH_FLOORS, type BenchFloor, benchFloorEnabled, replayBenchStatements } from "@/lib/dal/bench-floor";

export const dynamic = "force-dynamic";

/**
 * `npm run bench:server`'s floor in this build (lib/dal/bench-floor.ts), `?floor=clients|dashboard|events`; a 404
 * unless the benchmark started the server.
 */
export async function GET(request: Request) {
  const floor = new URL(request.url).searchParams.get("floor") ?? "clients";
  if (!benchFloorEnabled() || !(BENCH_FLOORS as readonly string[]).includes(floor))
    return Response.json({ error: "Not found." }, { status: 404 });
  return Response.json(await replayBenchStatements(floor as BenchFloor));
}
