"use server";

import { defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { provider } from "@/lib/authz/scope-rules";
import { appUrl } from "@/lib/server/config";
import {
  confirmProviderMembers,
  deleteProviderMembers,
  inviteProviderMembers,
  lockProvider,
  lockProviderMembers,
  reinviteProviderMember,
  remainingConfirmedAdmins,
  setProviderMemberRole,
} from "@/lib/dal/provider-members";
import { setMemberReach } from "@/lib/dal/provider-scopes";
import { confirmedMail, invitationMail } from "@/lib/mail/membership-mail";
import {
  confirmProviderMembersSchema,
  inviteProviderMembersSchema,
  removeProviderMembersSchema,
  resendProviderInvitationSchema,
  updateProviderMemberSchema,
} from "@/lib/validation/provider-members";
import { updateClientAccessSchema } from "@/lib/validation/provider-scopes";

const ROLE_LABELS = { provider_admin: "a provider admin", service_user: "a service user" } as const;

function acceptUrl(token: string): string {
  return appUrl(`/accept/provider?token=${encodeURIComponent(token)}`);
}

export const inviteProviderMembersAction = defineAction({
  name: "provider.members.invite",
  input: inviteProviderMembersSchema,
  scope: provider("provider.members.manage"),
  async run({ input, scope, tx, record, mail }) {
    const { name: providerName } = await lockProvider(tx, scope);
    const invited = await inviteProviderMembers(tx, scope, input.emails, input.type);
    for (const member of invited) {
      await record({
        type: "provider_user_invited",
        providerUserId: member.id,
        details: { email: member.email, role: input.type },
      });
      await mail({
        to: member.email,
        ...invitationMail({ kind: "provider", name: providerName }, ROLE_LABELS[input.type], acceptUrl(member.token)),
      });
    }
    return { invited: invited.length };
  },
  constraints: {
    provider_users_provider_email: { field: "emails", message: "One of these people is already a member or invited." },
  },
});

export const confirmProviderMembersAction = defineAction({
  name: "provider.members.confirm",
  input: confirmProviderMembersSchema,
  scope: provider("provider.members.manage"),
  async run({ input, scope, tx, record, mail }) {
    const { name: providerName } = await lockProvider(tx, scope);
    const confirmed = await confirmProviderMembers(tx, scope, input.confirmations);
    for (const member of confirmed) {
      await record({ type: "provider_user_confirmed", providerUserId: member.id });
      await mail({
        to: member.email,
        ...confirmedMail({ kind: "provider", name: providerName }, appUrl(`/providers/${scope.providerId}`)),
      });
    }
    return { confirmed: confirmed.length };
  },
});

export const updateProviderMemberAction = defineAction({
  name: "provider.members.updateRole",
  input: updateProviderMemberSchema,
  scope: provider("provider.members.manage"),
  async run({ input, scope, tx, record }) {
    await lockProvider(tx, scope);
    const [member] = await lockProviderMembers(tx, scope, [input.memberId]);
    if (member!.userId === scope.userId) throw new ActionError("You cannot change your own role.");
    const demotesConfirmedAdmin =
      member!.type === "provider_admin" && member!.status === "confirmed" && input.type !== "provider_admin";
    if (demotesConfirmedAdmin && (await remainingConfirmedAdmins(tx, scope, [member!.id])) === 0) {
      throw new ActionError("A provider needs at least one confirmed provider admin.");
    }
    await setProviderMemberRole(tx, scope, member!.id, input.type);
    await record({
      type: "provider_user_updated",
      providerUserId: member!.id,
      details: { from: member!.type, to: input.type },
    });
    return {};
  },
});

export const removeProviderMembersAction = defineAction({
  name: "provider.members.remove",
  input: removeProviderMembersSchema,
  scope: provider("provider.members.manage"),
  async run({ input, scope, tx, record }) {
    await lockProvider(tx, scope);
    const members = await lockProviderMembers(tx, scope, input.memberIds);
    if (members.some((member) => member.userId === scope.userId)) throw new ActionError("You cannot remove yourself.");
    if ((await remainingConfirmedAdmins(tx, scope, input.memberIds)) === 0) {
      throw new ActionError("A provider needs at least one confirmed provider admin.");
    }
    await deleteProviderMembers(tx, scope, input.memberIds);
    for (const member of members) {
      await record({
        type: "provider_user_removed",
        providerUserId: member.id,
        userId: member.userId,
        details: { email: member.email },
      });
    }
    return { removed: members.length };
  },
});

export const resendProviderInvitationAction = defineAction({
  name: "provider.members.resend",
  input: resendProviderInvitationSchema,
  scope: provider("provider.members.manage"),
  async run({ input, scope, tx, record, mail }) {
    const { name: providerName } = await lockProvider(tx, scope);
    const { member, token } = await reinviteProviderMember(tx, scope, input.memberId);
    await record({ type: "provider_user_reinvited", providerUserId: member.id });
    await mail({
      to: member.email,
      ...invitationMail({ kind: "provider", name: providerName }, ROLE_LABELS[member.type], acceptUrl(token)),
    });
    return {};
  },
});

/** Which clients a service user reaches (DESIGN §13): a grant, so provider admins alone, and never on an admin. */
export const updateClientAccessAction = defineAction({
  name: "provider.members.clientAccess",
  input: updateClientAccessSchema,
  scope: provider("provider.client_access.manage"),
  async run({ input, scope, tx, record }) {
    const { member, before, after } = await setMemberReach(tx, scope, input);
    await record({
      type: "provider_user_client_access_updated",
      providerUserId: member.id,
      details: {
        email: member.email,
        allClientsBefore: before.allClients,
        clientsBefore: before.clients,
        groupsBefore: before.groups,
        allClients: after.allClients,
        clients: after.clients,
        groups: after.groups,
      },
    });
    return {};
  },
});
