import {
  confirmOrganizationMembersAction,
  inviteOrganizationMembersAction,
  removeOrganizationMembersAction,
  resendOrganizationInvitationAction,
  restoreOrganizationMembersAction,
  revokeOrganizationMembersAction,
  updateOrganizationMemberAction,
} from "@/app/(console)/organizations/[organizationId]/members/actions";
import { FAKE_ENC_4 } from "../../../support/fakes";
import type { IsolationEntry } from "./types";

/** Console rights in "My Client's Organization": its owner and the managing provider's members. */
const CONSOLE = ["client_owner", "service_user", "provider_admin"] as const;

export const ORGANIZATION_MEMBER_ACTIONS: IsolationEntry[] = [
  {
    name: "organization.members.invite",
    grants: true,
    action: inviteOrganizationMembersAction,
    allowed: CONSOLE,
    input: (demo) => ({ organizationId: demo.client1, emails: "intruder@x.example", type: "user" }),
  },
  {
    name: "organization.members.confirm",
    grants: true,
    action: confirmOrganizationMembersAction,
    allowed: CONSOLE,
    input: (demo) => ({
      organizationId: demo.client1,
      confirmations: [{ id: demo.organizationUsers.user1, key: FAKE_ENC_4 }],
    }),
  },
  {
    name: "organization.members.remove",
    grants: false,
    action: removeOrganizationMembersAction,
    allowed: CONSOLE,
    input: (demo) => ({ organizationId: demo.client1, memberIds: [demo.organizationUsers.user1] }),
  },
  {
    name: "organization.members.resend",
    grants: false,
    action: resendOrganizationInvitationAction,
    allowed: CONSOLE,
    input: (demo) => ({ organizationId: demo.client1, memberId: demo.organizationUsers.user1 }),
  },
  {
    name: "organization.members.update",
    grants: true,
    action: updateOrganizationMemberAction,
    allowed: CONSOLE,
    input: (demo) => ({ organizationId: demo.client1, memberId: demo.organizationUsers.user1, type: "admin" }),
  },
  {
    name: "organization.members.revoke",
    grants: false,
    action: revokeOrganizationMembersAction,
    allowed: CONSOLE,
    input: (demo) => ({ organizationId: demo.client1, memberIds: [demo.organizationUsers.user1] }),
  },
  {
    name: "organization.members.restore",
    grants: true,
    action: restoreOrganizationMembersAction,
    allowed: CONSOLE,
    input: (demo) => ({ organizationId: demo.client1, memberIds: [demo.organizationUsers.user1] }),
  },
];
