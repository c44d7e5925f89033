import { requireUser } from "@/lib/authz/scope";
import { collectionDetailsResponse } from "@/lib/bitwarden/collections";
import { listResponse } from "@/lib/bitwarden/list";
import { apiRoute, json } from "@/lib/bitwarden/route";
import { listReachableCollections } from "@/lib/dal/items";

export const dynamic = "force-dynamic";

/** The collections the caller reaches, with how. */
export const GET = apiRoute(async () =>
  json(listResponse((await listReachableCollections(await requireUser())).map(collectionDetailsResponse))),
);
