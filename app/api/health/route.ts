import { checkDatabase } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 with `{ status: "ok", database }` when the database answers, else 503 with
 * `{ status: "unavailable", database: null }`, within about two seconds either way. Load balancers send traffic by
 * it, and the start scripts and the end-to-end tests wait for it. Liveness is GET /api/health/live.
 */
export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", database: database.kind },
    {
      status: database.ok ? 200 : 503,
      headers: { "Cache-Control": "no-store" },
    },
  );
}
