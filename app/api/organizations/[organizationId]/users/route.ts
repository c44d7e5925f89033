import { requireOrgScope } from "@/lib/authz/scope";
import { listResponse } from "@/lib/bitwarden/list";
import { memberResponse } from "@/lib/bitwarden/members";
import { apiRoute, json } from "@/lib/bitwarden/route";
import { loadOrganizationDirectory } from "@/lib/dal/organization-directory";

export const dynamic = "force-dynamic";

type Params = { organizationId: string };

/** The organization's members, for those who manage them. */
export const GET = apiRoute<Params>(async (_request, { organizationId }) => {
  const scope = await requireOrgScope(organizationId, "org.members.manage");
  const directory = await loadOrganizationDirectory(scope);
  return json(listResponse(directory.members.map(memberResponse)));
});
