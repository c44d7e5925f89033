import { apiRoute, json } from "@/lib/bitwarden/route";
import { syncResponse } from "@/lib/bitwarden/sync";
import { requireUser } from "@/lib/authz/scope";
import { getSyncData } from "@/lib/dal/sync";

export const dynamic = "force-dynamic";

/** An app's whole vault: profile and keys, organizations, providers and their clients, folders, collections, items. */
export const GET = apiRoute(async (request) => {
  const excludeDomains = new URL(request.url).searchParams.get("excludeDomains") === "true";
  return json(syncResponse(await getSyncData(await requireUser()), { excludeDomains }));
});
