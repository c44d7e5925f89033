import { benchFloorEnabled, replayBenchStatements } from "@/lib/dal/bench-floor";

export const dynamic = "force-dynamic";

/** `npm run bench:server`'s floor in this build (lib/dal/bench-floor.ts); a 404 unless the benchmark started the server. */
export async function GET() {
  if (!benchFloorEnabled()) return Response.json({ error: "Not found." }, { status: 404 });
  return Response.json(await replayBenchStatements());
}
