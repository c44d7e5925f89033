"use server";

import { type ActionContext, defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { org } from "@/lib/authz/scope-rules";
import { type OrganizationScope } from "@/lib/authz/scope-brand";
import { appUrl } from "@/lib/server/config";
import {
  confirmedOwnerEmails,
  confirmOrganizationMembers,
  deleteOrganizationMembers,
  inviteOrganizationMembers,
  lockOrganization,
  lockOrganizationMembers,
  organizationNames,
  PROVIDER_SEAT_LIMIT_MESSAGE,
  reinviteOrganizationMember,
  remainingConfirmedOwners,
  restoreOrganizationMembers,
  revokeOrganizationMembers,
  updateOrganizationMember,
} from "@/lib/dal/organization-members";
import { confirmedMail, invitationMail, providerChangedMembersMail, type Tenant } from "@/lib/mail/membership-mail";
import {
  confirmOrganizationMembersSchema,
  inviteOrganizationMembersSchema,
  removeOrganizationMembersSchema,
  resendOrganizationInvitationSchema,
  updateOrganizationMemberSchema,
} from "@/lib/validation/organization-members";

const ROLE_LABELS = {
  owner: "an owner",
  admin: "an admin",
  user: "a user",
  custom: "a member with a custom role",
} as const;

function acceptUrl(token: string): string {
  return appUrl(`/accept/organization?token=${encodeURIComponent(token)}`);
}

function tenantOf(organization: { name: string; provider: string | null }): Tenant {
  return { kind: "organization", name: organization.name, provider: organization.provider };
}

/** A member of the managing provider invites in its name: the mail says the provider asks. */
function invitedBy(scope: OrganizationScope, organization: { provider: string | null }): string | undefined {
  return scope.access.via === "provider" ? (organization.provider ?? undefined) : undefined;
}

/**
 * When a member of the managing provider changed who belongs to the organization or with which role, its confirmed
 * owners get a mail saying who did what (the events already name the provider).
 */
async function tellOwnersWhenProviderActed(
  ctx: ActionContext<unknown, OrganizationScope>,
  changes: string[],
): Promise<void> {
  if (ctx.scope.access.via !== "provider" || changes.length === 0) return;
  const names = await organizationNames(ctx.tx, ctx.scope);
  const change = {
    organization: names.name,
    provider: names.providerName ?? "your provider",
    actor: ctx.user?.email ?? "A provider member",
    changes,
  };
  const membersUrl = appUrl(`/organizations/${ctx.scope.organizationId}/members`);
  for (const owner of await confirmedOwnerEmails(ctx.tx, ctx.scope))
    await ctx.mail({ to: owner, ...providerChangedMembersMail(change, membersUrl) });
}

export const inviteOrganizationMembersAction = defineAction({
  name: "organization.members.invite",
  input: inviteOrganizationMembersSchema,
  scope: org("org.members.manage"),
  async run(ctx) {
    const { input, scope, tx, record, mail } = ctx;
    const { organization, invited } = await inviteOrganizationMembers(tx, scope, input.emails, input);
    for (const member of invited) {
      await record({
        type: "organization_user_invited",
        organizationUserId: member.id,
        details: { email: member.email, role: input.type },
      });
      await mail({
        to: member.email,
        ...invitationMail(
          tenantOf(organization),
          ROLE_LABELS[input.type],
          acceptUrl(member.token),
          invitedBy(scope, organization),
        ),
      });
    }
    await tellOwnersWhenProviderActed(
      ctx,
      invited.map((member) => `invited ${member.email} as ${ROLE_LABELS[input.type]}`),
    );
    return { invited: invited.length };
  },
  constraints: {
    organization_users_seat_limit: { field: "emails", message: PROVIDER_SEAT_LIMIT_MESSAGE },
    organization_users_org_email: { field: "emails", message: "One of these people is already a member or invited." },
  },
});

export const confirmOrganizationMembersAction = defineAction({
  name: "organization.members.confirm",
  input: confirmOrganizationMembersSchema,
  scope: org("org.members.manage"),
  async run(ctx) {
    const { input, scope, tx, record, mail } = ctx;
    const organization = await lockOrganization(tx, scope);
    const confirmed = await confirmOrganizationMembers(tx, scope, input.confirmations);
    for (const member of confirmed) {
      await record({ type: "organization_user_confirmed", organizationUserId: member.id });
      await mail({
        to: member.email,
        ...confirmedMail(tenantOf(organization), appUrl("/vault")),
      });
    }
    await tellOwnersWhenProviderActed(
      ctx,
      confirmed.map((member) => `confirmed ${member.email}`),
    );
    return { confirmed: confirmed.length };
  },
});

export const removeOrganizationMembersAction = defineAction({
  name: "organization.members.remove",
  input: removeOrganizationMembersSchema,
  scope: org("org.members.manage"),
  async run(ctx) {
    const { input, scope, tx, record } = ctx;
    await lockOrganization(tx, scope);
    const members = await lockOrganizationMembers(tx, scope, input.memberIds);
    if (members.some((member) => member.userId === scope.userId)) throw new ActionError("You cannot remove yourself.");
    const removesConfirmedOwner = members.some((member) => member.type === "owner" && member.status === "confirmed");
    if (removesConfirmedOwner && (await remainingConfirmedOwners(tx, scope, input.memberIds)) === 0) {
      throw new ActionError("An organization needs at least one confirmed owner.");
    }
    await deleteOrganizationMembers(tx, scope, input.memberIds);
    for (const member of members) {
      await record({
        type: "organization_user_removed",
        organizationUserId: member.id,
        userId: member.userId,
        details: { email: member.email },
      });
    }
    await tellOwnersWhenProviderActed(
      ctx,
      members.map((member) => `removed ${member.email}`),
    );
    return { removed: members.length };
  },
});

export const resendOrganizationInvitationAction = defineAction({
  name: "organization.members.resend",
  input: resendOrganizationInvitationSchema,
  scope: org("org.members.manage"),
  async run({ input, scope, tx, record, mail }) {
    const organization = await lockOrganization(tx, scope);
    const { member, token } = await reinviteOrganizationMember(tx, scope, input.memberId);
    await record({ type: "organization_user_reinvited", organizationUserId: member.id });
    await mail({
      to: member.email,
      ...invitationMail(
        tenantOf(organization),
        ROLE_LABELS[member.type],
        acceptUrl(token),
        invitedBy(scope, organization),
      ),
    });
    return {};
  },
});

export const updateOrganizationMemberAction = defineAction({
  name: "organization.members.update",
  input: updateOrganizationMemberSchema,
  scope: org("org.members.manage"),
  async run(ctx) {
    const { input, scope, tx, record } = ctx;
    const before = await updateOrganizationMember(tx, scope, input.memberId, input);
    await record({
      type: "organization_user_updated",
      organizationUserId: input.memberId,
      details: {
        from: before.type,
        to: input.type,
        collections: input.collections.length,
        groups: input.groupIds.length,
      },
    });
    const roleChange =
      before.type === input.type
        ? `as ${ROLE_LABELS[input.type]}`
        : `from ${ROLE_LABELS[before.type]} to ${ROLE_LABELS[input.type]}`;
    await tellOwnersWhenProviderActed(ctx, [`changed the role and access of ${before.email} (${roleChange})`]);
    return {};
  },
});

export const revokeOrganizationMembersAction = defineAction({
  name: "organization.members.revoke",
  input: removeOrganizationMembersSchema,
  scope: org("org.members.manage"),
  async run(ctx) {
    const { input, scope, tx, record } = ctx;
    const members = await revokeOrganizationMembers(tx, scope, input.memberIds);
    for (const member of members)
      await record({
        type: "organization_user_revoked",
        organizationUserId: member.id,
        details: { email: member.email },
      });
    await tellOwnersWhenProviderActed(
      ctx,
      members.map((member) => `revoked ${member.email}`),
    );
    return { revoked: members.length };
  },
});

export const restoreOrganizationMembersAction = defineAction({
  name: "organization.members.restore",
  input: removeOrganizationMembersSchema,
  scope: org("org.members.manage"),
  async run(ctx) {
    const { input, scope, tx, record } = ctx;
    const members = await restoreOrganizationMembers(tx, scope, input.memberIds);
    for (const member of members)
      await record({
        type: "organization_user_restored",
        organizationUserId: member.id,
        details: { email: member.email },
      });
    await tellOwnersWhenProviderActed(
      ctx,
      members.map((member) => `restored ${member.email}`),
    );
    return { restored: members.length };
  },
  constraints: { organization_users_seat_limit: { message: PROVIDER_SEAT_LIMIT_MESSAGE } },
});
