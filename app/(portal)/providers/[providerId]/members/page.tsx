import type { Metadata } from "next";
import { MembersManager } from "@/components/members/members-manager";
import { memberFilterTabs } from "@/components/members/filter-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { requireProviderScope } from "@/lib/authz/scope";
import type { ProviderRole } from "@/lib/enums";
import { listProviderMembers, type MemberFilter, MEMBERS_PAGE_SIZE } from "@/lib/dal/provider-members";
import {
  confirmProviderMembersAction,
  inviteProviderMembersAction,
  removeProviderMembersAction,
  resendProviderInvitationAction,
  updateProviderMemberAction,
} from "./actions";

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
  const { members, counts } = await listProviderMembers(scope, filter, page);
  const basePath = `/providers/${providerId}/members`;
  const total = filter === "all" ? counts.all : counts[filter];
  return (
    <>
      <PageHeader title="Members" description="Provider admins manage everything; service users manage clients." />
      <MembersManager
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
