import { requireOrgScope } from "@/lib/authz/scope";
import { collectionAnswer } from "@/lib/bitwarden/collections";
import { apiRoute } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

type Params = { organizationId: string; collectionId: string };

/** A collection with who reaches it and how. */
export const GET = apiRoute<Params>(async (_request, { organizationId, collectionId }) =>
  collectionAnswer(await requireOrgScope(organizationId, "org.console.access"), collectionId),
);
