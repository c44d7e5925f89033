import { type RenderedMail, renderMail } from "./templates";

/** The mails of the invite → accept → confirm flow, shared by providers and organizations. */

type Tenant = { kind: "provider" | "organization"; name: string };

function tenantPhrase(tenant: Tenant): string {
  return tenant.kind === "provider" ? `the provider ${tenant.name}` : `the organization ${tenant.name}`;
}

export function invitationMail(tenant: Tenant, role: string, acceptUrl: string): RenderedMail {
  return renderMail({
    subject: `Join ${tenant.name} on Keyhouse`,
    heading: `You are invited to join ${tenant.name}`,
    paragraphs: [
      `You have been invited to ${tenantPhrase(tenant)} as ${role}.`,
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
    subject: `${memberEmail} accepted the invitation to ${tenant.name}`,
    heading: "A member is waiting for confirmation",
    paragraphs: [
      `${memberEmail} accepted the invitation to ${tenantPhrase(tenant)}.`,
      "Confirm them to give them access: compare their fingerprint phrase with them over another channel first.",
    ],
    action: { label: "Review members", url: membersUrl },
  });
}
