import { createCollectionAction } from "@/app/(console)/organizations/[organizationId]/collections/actions";
import { requireOrgScope } from "@/lib/authz/scope";
import {
  collectionAccessResponse,
  collectionAnswer,
  collectionRequestSchema,
  grantsOf,
} from "@/lib/bitwarden/collections";
import { listResponse } from "@/lib/bitwarden/list";
import { actionResponse, apiRoute, json, readJson } from "@/lib/bitwarden/route";
import { loadOrganizationDirectory } from "@/lib/dal/organization-directory";

export const dynamic = "force-dynamic";

type Params = { organizationId: string };

/** Every collection of the organization, as its Admin Console lists them (owners, admins, provider members). */
export const GET = apiRoute<Params>(async (_request, { organizationId }) => {
  const scope = await requireOrgScope(organizationId, "org.console.access");
  const directory = await loadOrganizationDirectory(scope);
  return json(
    listResponse(directory.collections.map((entry) => collectionAccessResponse(scope.organizationId, entry))),
  );
});

/** A new collection, with whom it is shared; the grant rule applies as in the console. */
export const POST = apiRoute<Params>(async (request, { organizationId }) => {
  const scope = await requireOrgScope(organizationId, "org.collections.create");
  const body = await readJson(request, collectionRequestSchema);
  if (!body.ok) return body.response;
  const result = await createCollectionAction({
    organizationId: scope.organizationId,
    name: body.data.name,
    members: grantsOf(body.data.users),
    groups: grantsOf(body.data.groups),
  });
  return actionResponse(result, ({ collectionId }) => collectionAnswer(scope, collectionId));
});
