import { getKdfConfig } from "@/lib/dal/accounts";
import { parseJsonBody } from "@/lib/server/http";
import { preloginSchema } from "@/lib/validation/account";

export const dynamic = "force-dynamic";

/** Bitwarden's pre-login: the KDF settings (kdf, kdfIterations, kdfMemory, kdfParallelism) for an email. */
export async function POST(request: Request) {
  const body = await parseJsonBody(request, preloginSchema);
  if (!body.ok) return body.response;
  return Response.json(await getKdfConfig(body.data.email), { headers: { "Cache-Control": "no-store" } });
}
