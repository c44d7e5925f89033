import type { Metadata } from "next";
import { memberFilterTabs } from "@/components/members/filter-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { requireProviderScope } from "@/lib/authz/scope";
import type { ProviderRole } from "@/lib/enums";
import { listProviderMembers, type MemberFilter, MEMBERS_PAGE_SIZE } from "@/lib/dal/provider-members";
import { listClientChoices, listClientGroups, listMemberReach } from "@/lib/dal/provider-scopes";
import {
  confirmProviderMembersAction,
  inviteProviderMembersAction,
  removeProviderMembersAction,
  resendProviderInvitationAction,
  updateProviderMemberAction,
} from "./actions";
import { ProviderMembers } from "./provider-members";

export const metadata: Metadata = { title: "Provider members" };

const ROLES: { value: ProviderRole; label: string }[] = [
  { value: "provider_admin", label: "Provider admin" },
  { value: "service_user", label: "Service user" },
];

type Props = {
  params: Promise<{ providerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ProviderMembersPage({ params, searchParams }: Props) {
  const { providerId } = await params;
  const query = await searchParams;
  const scope = await requireProviderScope(providerId, "provider.members.manage");
  const filter: MemberFilter = query.filter === "invited" || query.filter === "accepted" ? query.filter : "all";
  const page = pageParam(query.page);
  const { provider } = scope;
  const [{ members, counts }, reach, clients, groups] = await Promise.all([
    listProviderMembers(scope, filter, page),
    listMemberReach(scope),
    listClientChoices(scope),
    listClientGroups(scope),
  ]);
  const basePath = `/providers/${providerId}/members`;
  const total = filter === "all" ? counts.all : counts[filter];
  return (
    <>
      <PageHeader
        title="Members"
        description="Provider admins manage everything and reach every client; service users manage the clients their client access gives them."
      />
      <ProviderMembers
        reach={reach}
        clients={clients}
        groups={groups.map(({ id, name }) => ({ id, name }))}
        tenant={{ kind: "provider", id: provider.id, name: provider.name }}
        members={members}
        filters={memberFilterTabs(counts)}
        activeFilter={filter}
        roles={ROLES}
        actions={{
          invite: inviteProviderMembersAction,
          confirm: confirmProviderMembersAction,
          remove: removeProviderMembersAction,
          resend: resendProviderInvitationAction,
          updateRole: updateProviderMemberAction,
        }}
        currentUserId={scope.userId}
        basePath={basePath}
      />
      <Pagination
        page={page}
        pageSize={MEMBERS_PAGE_SIZE}
        total={total}
        href={(target) => `${basePath}?filter=${filter}&page=${target}`}
      />
    </>
  );
}
