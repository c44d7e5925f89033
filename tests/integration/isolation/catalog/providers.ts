import { acceptInvitation } from "@/app/(auth)/accept/actions";
import {
  confirmProviderMembersAction,
  inviteProviderMembersAction,
  removeProviderMembersAction,
  resendProviderInvitationAction,
  updateProviderMemberAction,
} from "@/app/(portal)/providers/[providerId]/members/actions";
import {
  setInternalOrganizationAction,
  updateProviderSettingsAction,
} from "@/app/(portal)/providers/[providerId]/settings/actions";
import { setUpProvider } from "@/app/(portal)/providers/setup/actions";
import { FAKE_ENC_4, FAKE_TOKEN, UNKNOWN_ID } from "../../../support/fakes";
import { SIGNED_IN_ROLES } from "../roles";
import type { IsolationEntry } from "./types";

const ADMINS = ["provider_admin"] as const;

export const PROVIDER_ACTIONS: IsolationEntry[] = [
  // Token-bound: any signed-in user may try, the invitation decides (tested in provider-setup and provider-members).
  {
    name: "provider.setup",
    grants: true,
    action: setUpProvider,
    allowed: SIGNED_IN_ROLES,
    input: () => ({ token: FAKE_TOKEN, name: "X", billingEmail: "x@x.example", key: FAKE_ENC_4 }),
  },
  {
    name: "membership.accept",
    grants: true,
    action: acceptInvitation,
    allowed: SIGNED_IN_ROLES,
    input: () => ({ kind: "provider", token: FAKE_TOKEN }),
  },
  {
    name: "provider.members.invite",
    grants: true,
    action: inviteProviderMembersAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, emails: "intruder-invite@x.example", type: "provider_admin" }),
  },
  {
    name: "provider.members.confirm",
    grants: true,
    action: confirmProviderMembersAction,
    allowed: ADMINS,
    input: (demo) => ({
      providerId: demo.providerId,
      confirmations: [{ id: demo.providerUsers.tech, key: FAKE_ENC_4 }],
    }),
  },
  {
    name: "provider.members.updateRole",
    grants: true,
    action: updateProviderMemberAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, memberId: demo.providerUsers.tech, type: "provider_admin" }),
  },
  {
    name: "provider.members.remove",
    grants: false,
    action: removeProviderMembersAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, memberIds: [demo.providerUsers.tech] }),
  },
  {
    name: "provider.members.resend",
    grants: false,
    action: resendProviderInvitationAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, memberId: demo.providerUsers.tech ?? UNKNOWN_ID }),
  },
  {
    name: "provider.settings.update",
    grants: false,
    action: updateProviderSettingsAction,
    allowed: ADMINS,
    input: (demo) => ({ providerId: demo.providerId, name: "Renamed By Intruder", billingEmail: "intruder@x.example" }),
  },
  {
    name: "provider.settings.internalOrganization",
    grants: false,
    action: setInternalOrganizationAction,
    allowed: ADMINS,
    // Unmarking the demo's internal organization would let it become a client.
    input: (demo) => ({ providerId: demo.providerId, organizationId: null }),
  },
];
