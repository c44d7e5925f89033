import { getSession } from "@/lib/auth/session";
import { siteIconsEnabled } from "@/lib/server/config";
import { SITE_ICON_CACHE, siteIcon } from "@/lib/server/site-icons";
import { siteIconHostSchema } from "@/lib/vault/site-icons";

export const dynamic = "force-dynamic";

/**
 * GET /icons/<host>/icon.png: a website's icon, fetched by this server for signed-in users who turned website icons
 * on (lib/server/site-icon-fetch.ts guards the fetch). Outside proxy.ts's matcher (a .png path), so it checks the
 * session itself. Every failure is the same bare 404, never the upstream's words; a miss may be cached as long as
 * the server remembers it, so the vault does not ask again.
 */

function notFound(maxAgeSeconds = 0): Response {
  const cacheControl = maxAgeSeconds > 0 ? `private, max-age=${maxAgeSeconds}` : "no-store";
  return new Response(null, { status: 404, headers: { "Cache-Control": cacheControl } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ host: string }> }): Promise<Response> {
  if (!siteIconsEnabled()) return notFound();
  if (!(await getSession()))
    return Response.json({ error: "Not signed in." }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const host = siteIconHostSchema.safeParse((await params).host);
  if (!host.success) return notFound();
  const icon = await siteIcon(host.data);
  if (!icon) return notFound(SITE_ICON_CACHE.missingMs / 1000);
  return new Response(icon.bytes, {
    headers: {
      "Content-Type": icon.contentType,
      "Cache-Control": `private, max-age=${SITE_ICON_CACHE.foundMs / 1000}`,
      "X-Content-Type-Options": "nosniff",
      // Opened on its own, it is an image and nothing more.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
