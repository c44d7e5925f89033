import { getSession } from "@/lib/auth/session";
import { requireUser } from "@/lib/authz/scope";
import { getKeyMaterial } from "@/lib/dal/keys";

export const dynamic = "force-dynamic";

/**
 * The caller's encrypted key material for the browser keyring (DESIGN §4): wrapped user key, public and wrapped
 * private key, and the wrapped organization, provider and client keys. Nothing here is usable without the
 * master password.
 */
export async function GET() {
  if (!(await getSession())) return Response.json({ error: "Not signed in." }, { status: 401 });
  const material = await getKeyMaterial(await requireUser());
  return Response.json(material, { headers: { "Cache-Control": "no-store" } });
}
