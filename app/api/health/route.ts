import { checkDatabase } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

/** 200 with JSON when the database answers, 503 otherwise (load balancers and the start script poll this). */
export async function GET() {
  const database = await checkDatabase();
  return Response.json({ status: database.ok ? "ok" : "unavailable", database: database.kind }, {
    status: database.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
