import { configResponse } from "@/lib/bitwarden/config";
import { apiRoute, json } from "@/lib/bitwarden/route";
import { appUrl } from "@/lib/server/config";

export const dynamic = "force-dynamic";

/** What the apps ask before logging in: the API level and the features this server supports. */
export const GET = apiRoute(async () => json(configResponse(appUrl("").replace(/\/$/, ""))));
