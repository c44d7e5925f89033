import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/server/env";
import { metricsText } from "@/lib/server/metrics";

export const dynamic = "force-dynamic";

function tokenMatches(header: string | null, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Prometheus metrics for a scraper holding METRICS_TOKEN (`Authorization: Bearer <token>`). Without the variable
 * there is no endpoint (404), so an installation exposes nothing it did not ask for.
 */
export async function GET(request: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response("Not found.", { status: 404 });
  if (!tokenMatches(request.headers.get("authorization"), token)) {
    return Response.json(
      { error: "A valid metrics token is required." },
      { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
    );
  }
  const { body, contentType } = await metricsText();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
