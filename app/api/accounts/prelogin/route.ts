import { getKdfParameters } from "@/lib/dal/accounts";
import { parseJsonBody } from "@/lib/server/http";
import { preloginSchema } from "@/lib/validation/account";

export const dynamic = "force-dynamic";

/** Bitwarden's pre-login: the KDF settings the browser needs to derive the master key for an email. */
export async function POST(request: Request) {
  const body = await parseJsonBody(request, preloginSchema);
  if (!body.ok) return body.response;
  const { kdf, kdfIterations } = await getKdfParameters(body.data.email);
  return Response.json({ kdf, kdfIterations }, { headers: { "Cache-Control": "no-store" } });
}
