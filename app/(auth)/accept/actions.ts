"use server";

import { z } from "zod";
import { defineAction } from "@/lib/authz/action";
import { user } from "@/lib/authz/scope-rules";
import { appUrl } from "@/lib/server/config";
import { verifyEmailByAcceptedLink } from "@/lib/dal/accounts";
import { consumeInvitation } from "@/lib/dal/invitations";
import { acceptOrganizationInvitation } from "@/lib/dal/organization-members";
import { assertSingleOrganizationAllows } from "@/lib/dal/policies";
import { acceptProviderInvitation } from "@/lib/dal/provider-members";
import { assertTwoStepLoginAllows } from "@/lib/dal/two-step-login-policy";
import { acceptedMail } from "@/lib/mail/membership-mail";
import { invitationTokenSchema } from "@/lib/validation/members";

/**
 * Accepting an invitation, signed in as the invited email. The member waits for an admin to confirm them:
 * confirmation is when they receive the key (DESIGN §4).
 */
export const acceptInvitation = defineAction({
  name: "membership.accept",
  input: z.object({
    kind: z.enum(["provider", "organization"], { error: "Unknown kind of invitation." }),
    token: invitationTokenSchema,
  }),
  scope: user(),
  async run({ input, scope, tx, record, mail }) {
    if (input.kind === "provider") {
      const invitation = await consumeInvitation(tx, input.token, "provider_user", scope.email);
      await verifyEmailByAcceptedLink(tx, invitation.email, record);
      const member = await acceptProviderInvitation(tx, scope, invitation.providerUserId!);
      await record({ type: "provider_user_accepted", providerId: member.providerId, providerUserId: member.id });
      const tenant = { kind: "provider" as const, name: member.providerName };
      for (const admin of member.adminEmails) {
        await mail({
          to: admin,
          ...acceptedMail(tenant, member.email, appUrl(`/providers/${member.providerId}/members`)),
        });
      }
      return { redirectTo: "/providers", tenantName: tenant.name };
    }
    const invitation = await consumeInvitation(tx, input.token, "organization_user", scope.email);
    await verifyEmailByAcceptedLink(tx, invitation.email, record);
    const member = await acceptOrganizationInvitation(tx, scope, invitation.organizationUserId!);
    // After the row is accepted, so the policy checks know the role the person joins with.
    await assertSingleOrganizationAllows(tx, scope, member.organizationId);
    await assertTwoStepLoginAllows(tx, scope, member.organizationId);
    await record({
      type: "organization_user_accepted",
      organizationId: member.organizationId,
      organizationUserId: member.id,
    });
    // A client's members are confirmed by its provider as often as by its own admins: the provider's admins hear of it.
    const client = { kind: "organization" as const, name: member.organizationName, provider: member.providerName };
    const membersUrl = appUrl(`/organizations/${member.organizationId}/members?filter=accepted`);
    for (const admin of member.providerAdminEmails) {
      await mail({ to: admin, ...acceptedMail(client, member.email, membersUrl) });
    }
    return { redirectTo: "/vault", tenantName: member.organizationName };
  },
});
