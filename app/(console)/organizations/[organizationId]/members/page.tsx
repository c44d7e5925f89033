import type { Metadata } from "next";
import { MembersManager } from "@/components/members/members-manager";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { requireOrgScope } from "@/lib/authz/scope";
import {
  canManageOwners,
  listOrganizationMembers,
  ORGANIZATION_MEMBERS_PAGE_SIZE,
  type OrganizationMemberFilter,
} from "@/lib/dal/organization-members";
import { getOrganization } from "@/lib/dal/organizations";
import {
  confirmOrganizationMembersAction,
  inviteOrganizationMembersAction,
  removeOrganizationMembersAction,
  resendOrganizationInvitationAction,
} from "./actions";

export const metadata: Metadata = { title: "Members" };

const FILTERS = ["all", "invited", "accepted", "revoked"] as const;

type Props = { params: Promise<{ organizationId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrganizationMembersPage({ params, searchParams }: Props) {
  const { organizationId } = await params;
  const query = await searchParams;
  const scope = await requireOrgScope(organizationId, "org.members.manage");
  const filter: OrganizationMemberFilter = FILTERS.find((value) => value === query.filter) ?? "all";
  const page = pageParam(query.page);
  const [organization, { members, counts }] = await Promise.all([getOrganization(scope), listOrganizationMembers(scope, filter, page)]);
  const roles = [
    ...(canManageOwners(scope) ? [{ value: "owner", label: "Owner" }] : []),
    { value: "admin", label: "Admin" },
    { value: "user", label: "User" },
  ];
  const basePath = `/organizations/${organizationId}/members`;
  return (
    <>
      <PageHeader title="Members" description={`${organization.used} of ${organization.seats} seats in use.`} />
      <MembersManager
        tenant={{ kind: "organization", id: organization.id, name: organization.name }}
        members={members}
        filters={[
          { value: "all", label: "All", count: counts.all },
          { value: "invited", label: "Invited", count: counts.invited },
          { value: "accepted", label: "Needs confirmation", count: counts.accepted },
          { value: "revoked", label: "Revoked", count: counts.revoked },
        ]}
        activeFilter={filter}
        roles={roles}
        actions={{
          invite: inviteOrganizationMembersAction,
          confirm: confirmOrganizationMembersAction,
          remove: removeOrganizationMembersAction,
          resend: resendOrganizationInvitationAction,
        }}
        currentUserId={scope.userId}
        basePath={basePath}
      />
      <Pagination
        page={page}
        pageSize={ORGANIZATION_MEMBERS_PAGE_SIZE}
        total={filter === "all" ? counts.all : counts[filter]}
        href={(target) => `${basePath}?filter=${filter}&page=${target}`}
      />
    </>
  );
}
