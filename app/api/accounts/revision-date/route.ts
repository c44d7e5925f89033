import { apiRoute, json } from "@/lib/bitwarden/route";
import { requireUser } from "@/lib/authz/scope";
import { accountRevisionDate } from "@/lib/dal/revisions";

export const dynamic = "force-dynamic";

/** When the caller's sync last changed, in milliseconds: the apps sync only when it moved. */
export const GET = apiRoute(async () => json((await accountRevisionDate(await requireUser())).getTime()));
