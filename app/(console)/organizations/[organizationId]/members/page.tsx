import type { Metadata } from "next";
import { memberFilterTabs } from "@/components/members/filter-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { requireOrgScope } from "@/lib/authz/scope";
import { loadOrganizationDirectory } from "@/lib/dal/organization-directory";
import {
  grantableFlags,
  grantableRoles,
  listOrganizationMembers,
  MEMBERS_PAGE_SIZE,
  type OrganizationMemberFilter,
} from "@/lib/dal/organization-members";
import { getOrganization } from "@/lib/dal/organizations";
import { OrganizationMembers } from "./organization-members";

export const metadata: Metadata = { title: "Members" };

const FILTERS = ["all", "invited", "accepted", "revoked"] as const;

type Props = {
  params: Promise<{ organizationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function OrganizationMembersPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const query = await searchParams;
  const scope = await requireOrgScope(organizationId, "org.members.manage");
  const filter: OrganizationMemberFilter = FILTERS.find((value) => value === query.filter) ?? "all";
  const page = pageParam(query.page);
  const [organization, { members, counts }, directory] = await Promise.all([
    getOrganization(scope),
    listOrganizationMembers(scope, filter, page),
    loadOrganizationDirectory(scope),
  ]);
  const basePath = `/organizations/${organizationId}/members`;
  return (
    <>
      <PageHeader title="Members" description={`${organization.used} of ${organization.seats} seats in use.`} />
      <OrganizationMembers
        organization={{ id: organization.id, name: organization.name }}
        members={members}
        filters={memberFilterTabs(counts)}
        activeFilter={filter}
        roles={grantableRoles(scope)}
        grantableFlags={grantableFlags(scope)}
        directory={directory}
        currentUserId={scope.userId}
        basePath={basePath}
      />
      <Pagination
        page={page}
        pageSize={MEMBERS_PAGE_SIZE}
        total={filter === "all" ? counts.all : counts[filter]}
        href={(target) => `${basePath}?filter=${filter}&page=${target}`}
      />
    </>
  );
}
