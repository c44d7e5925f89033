import { apiRoute, json, readJson } from "@/lib/bitwarden/route";
import { preloginResponse } from "@/lib/bitwarden/identity";
import { getKdfConfig } from "@/lib/dal/accounts";
import { preloginSchema } from "@/lib/validation/account";

export const dynamic = "force-dynamic";

/** Older apps' pre-login (current ones use ./password): the same answer. */
export const POST = apiRoute(async (request) => {
  const body = await readJson(request, preloginSchema);
  if (!body.ok) return body.response;
  return json(preloginResponse(body.data.email, await getKdfConfig(body.data.email)));
});
