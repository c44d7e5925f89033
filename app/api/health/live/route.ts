export const dynamic = "force-dynamic";

/**
 * Liveness: 200 while the process serves requests, whatever the database does. A process manager restarts the
 * server when this fails; it must not restart it for a database outage (GET /api/health tells about that).
 */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
