import { apiRoute, json, readJson } from "@/lib/bitwarden/route";
import { preloginResponse } from "@/lib/bitwarden/identity";
import { getKdfConfig } from "@/lib/dal/accounts";
import { preloginSchema } from "@/lib/validation/account";

export const dynamic = "force-dynamic";

/** The KDF settings and salt an app derives the master key with, before it logs in. */
export const POST = apiRoute(async (request) => {
  const body = await readJson(request, preloginSchema);
  if (!body.ok) return body.response;
  return json(preloginResponse(body.data.email, await getKdfConfig(body.data.email)));
});
