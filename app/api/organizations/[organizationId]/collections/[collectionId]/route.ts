import {
  deleteCollectionAction,
  updateCollectionAction,
} from "@/app/(console)/organizations/[organizationId]/collections/actions";
import { requireOrgScope } from "@/lib/authz/scope";
import {
  collectionAnswer,
  collectionRequestSchema,
  grantsOf,
  requireOrganizationCollection,
} from "@/lib/bitwarden/collections";
import { actionResponse, apiRoute, readJson } from "@/lib/bitwarden/route";

export const dynamic = "force-dynamic";

type Params = { organizationId: string; collectionId: string };

export const GET = apiRoute<Params>(async (_request, { organizationId, collectionId }) =>
  collectionAnswer(await requireOrgScope(organizationId, "org.console.access"), collectionId),
);

/** Renames a collection and replaces who reaches it (the apps send the whole list). */
async function update(request: Request, { organizationId, collectionId }: Params) {
  const scope = await requireOrgScope(organizationId, "org.collections.edit_any");
  await requireOrganizationCollection(scope, collectionId);
  const body = await readJson(request, collectionRequestSchema);
  if (!body.ok) return body.response;
  const result = await updateCollectionAction({
    organizationId: scope.organizationId,
    collectionId,
    name: body.data.name,
    members: grantsOf(body.data.users),
    groups: grantsOf(body.data.groups),
  });
  return actionResponse(result, () => collectionAnswer(scope, collectionId));
}

export const PUT = apiRoute<Params>(update);
export const POST = apiRoute<Params>(update);

export const DELETE = apiRoute<Params>(async (_request, { organizationId, collectionId }) => {
  const scope = await requireOrgScope(organizationId, "org.collections.delete_any");
  await requireOrganizationCollection(scope, collectionId);
  return actionResponse(
    await deleteCollectionAction({ organizationId: scope.organizationId, collectionId }),
    () => undefined,
  );
});
