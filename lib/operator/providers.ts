import "server-only";
import type { Executor } from "@/db/client";
import { providerPlans, providers } from "@/db/schema";
import { appUrl } from "@/lib/config";
import { insertEvent } from "@/lib/dal/events";
import { createInvitation } from "@/lib/dal/invitations";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/templates";
import type { CreateProviderInput } from "@/lib/validation/provider";

/**
 * Operator work: creates a pending provider with its two plans and mails the owner a single-use setup link.
 * Runs inside the caller's transaction, so the provider, its event and its mail commit together.
 */
export async function createPendingProvider(
  tx: Executor,
  input: CreateProviderInput,
  actingUserId: string | null,
): Promise<{ providerId: string; setupUrl: string; mailId: string }> {
  const [provider] = await tx.insert(providers).values({ name: input.name, status: "pending" }).returning({ id: providers.id });
  const providerId = provider!.id;
  await tx.insert(providerPlans).values([
    { providerId, planType: "teams_monthly", seatMinimum: input.teamsMinimum },
    { providerId, planType: "enterprise_monthly", seatMinimum: input.enterpriseMinimum },
  ]);
  const { token } = await createInvitation(tx, input.ownerEmail, { kind: "provider_setup", providerId });
  const setupUrl = appUrl(`/providers/setup?token=${encodeURIComponent(token)}`);
  const mailId = await enqueueMail(tx, { to: input.ownerEmail, ...providerSetupMail(input.name, setupUrl) });
  await insertEvent(tx, {
    type: "provider_created",
    actingUserId,
    providerId,
    details: { ownerEmail: input.ownerEmail, teamsMinimum: input.teamsMinimum, enterpriseMinimum: input.enterpriseMinimum },
    ip: null,
    device: actingUserId ? null : "operator command",
  });
  return { providerId, setupUrl, mailId };
}

function providerSetupMail(providerName: string, setupUrl: string) {
  return renderMail({
    subject: `Set up your provider ${providerName} on Keyhouse`,
    heading: "Your Provider Portal is ready to set up",
    paragraphs: [
      `A Keyhouse operator created the provider "${providerName}" and named you its owner.`,
      "Follow the link to set it up. If you have no Keyhouse account yet, create one with this email address first. The link can be used once and expires in 5 days.",
    ],
    action: { label: "Set up provider", url: setupUrl },
  });
}
