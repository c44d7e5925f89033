import { requireOrgScope } from "@/lib/authz/scope";
import { MEMBERS_PAGE_SIZE } from "@/lib/dal/membership";
import { listOrganizationMembers } from "@/lib/dal/organization-members";
import { OPERATIONS } from "@/lib/provider-api/operations";
import { providerApiRoute } from "@/lib/provider-api/route";

export const dynamic = "force-dynamic";

/** The client's members through its console's own gate, which a key passes only as its provider (else a 404). */
export const GET = providerApiRoute(OPERATIONS.listClientMembers, async ({ params, query }) => {
  const organization = await requireOrgScope(params.clientId, "org.console.access");
  const { members, counts } = await listOrganizationMembers(organization, "all", query.page);
  return {
    members: members.map((member) => ({
      id: member.id,
      email: member.email,
      name: member.name,
      role: member.type,
      status: member.status,
    })),
    page: query.page,
    pageSize: MEMBERS_PAGE_SIZE,
    total: counts.all,
  };
});
