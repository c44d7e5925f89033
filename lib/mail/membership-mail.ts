import "server-only";
import { type RenderedMail, renderMail } from "./templates";

/** The mails of the invite → accept → confirm flow, shared by providers and organizations. */

/** An organization names the provider that manages it, if any: its people should know who runs it for them. */
export type Tenant =
  { kind: "provider"; name: string } | { kind: "organization"; name: string; provider: string | null };

function tenantPhrase(tenant: Tenant): string {
  if (tenant.kind === "provider") return `the provider ${tenant.name}`;
  return tenant.provider
    ? `the organization ${tenant.name}, managed by ${tenant.provider}`
    : `the organization ${tenant.name}`;
}

/** `invitedBy` names a provider that invites into a client it manages, so the mail says who is asking. */
export function invitationMail(tenant: Tenant, role: string, acceptUrl: string, invitedBy?: string): RenderedMail {
  return renderMail({
    subject: `Join ${tenant.name} on Keyhouse`,
    heading: invitedBy ? `${invitedBy} invited you to join ${tenant.name}` : `You are invited to join ${tenant.name}`,
    paragraphs: [
      invitedBy
        ? `${invitedBy} invited you as ${role} to ${tenantPhrase(tenant)}.`
        : `You have been invited as ${role} to ${tenantPhrase(tenant)}.`,
      "Follow the link to accept. If you have no Keyhouse account yet, the link lets you create one for this email address. The link can be used once and expires in 5 days.",
    ],
    action: { label: "Accept invitation", url: acceptUrl },
  });
}

export function confirmedMail(tenant: Tenant, openUrl: string): RenderedMail {
  return renderMail({
    subject: `You are confirmed in ${tenant.name}`,
    heading: `Welcome to ${tenant.name}`,
    paragraphs: [`An administrator confirmed your membership of ${tenantPhrase(tenant)}. You now have access.`],
    action: { label: `Open ${tenant.name}`, url: openUrl },
  });
}

export function acceptedMail(tenant: Tenant, memberEmail: string, membersUrl: string): RenderedMail {
  return renderMail({
    subject: `${memberEmail} accepted the invitation to ${tenant.name} and needs confirmation`,
    heading: "A member is waiting for confirmation",
    paragraphs: [
      `${memberEmail} accepted the invitation to ${tenantPhrase(tenant)}.`,
      "They need confirmation before they have access: compare their fingerprint phrase with them over another channel first, then confirm them.",
    ],
    action: { label: "Review members", url: membersUrl },
  });
}

/**
 * Told to a client's owners whenever a member of its managing provider changes who belongs to it, or with which role
 * (DESIGN §11), so a client always knows what its provider did.
 */
export function providerChangedMembersMail(
  change: { organization: string; provider: string; actor: string; changes: string[] },
  membersUrl: string,
): RenderedMail {
  return renderMail({
    subject: `${change.provider} changed the members of ${change.organization}`,
    heading: `Your provider changed the members of ${change.organization}`,
    paragraphs: [
      `${change.actor}, acting for your provider ${change.provider}, made these changes:`,
      ...change.changes.map((line) => `• ${line}`),
      "If you did not expect this, review the members and the event log, and talk to your provider.",
    ],
    action: { label: "Review members", url: membersUrl },
  });
}
