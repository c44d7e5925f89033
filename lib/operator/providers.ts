import "server-only";
import { appUrl } from "@/lib/server/config";
import type { EventInput } from "@/lib/dal/events";
import { createInvitation } from "@/lib/dal/invitations";
import { insertPendingProvider } from "@/lib/dal/operator";
import type { Executor } from "@/lib/dal/transaction";
import type { MailMessage } from "@/lib/dal/mail-outbox";
import { renderMail } from "@/lib/mail/templates";
import type { CreateProviderInput } from "@/lib/validation/provider";

/** What operator work needs from its caller: the transaction, and how to record events and send mail in it. */
export type OperatorContext = {
  tx: Executor;
  record: (event: EventInput) => Promise<void>;
  mail: (message: MailMessage) => Promise<void>;
};

/**
 * Operator work: creates a pending provider with its two plans and mails the owner a single-use setup link.
 * Runs inside the caller's transaction, so the provider, its event and its mail commit together.
 */
export async function createPendingProvider(
  { tx, record, mail }: OperatorContext,
  input: CreateProviderInput,
): Promise<{ providerId: string; setupUrl: string }> {
  const providerId = await insertPendingProvider(tx, input);
  const { token } = await createInvitation(tx, input.ownerEmail, { kind: "provider_setup", providerId });
  const setupUrl = appUrl(`/providers/setup?token=${encodeURIComponent(token)}`);
  await mail({ to: input.ownerEmail, ...providerSetupMail(input.name, setupUrl) });
  await record({
    type: "provider_created",
    providerId,
    details: {
      ownerEmail: input.ownerEmail,
      teamsMinimum: input.teamsMinimum,
      enterpriseMinimum: input.enterpriseMinimum,
    },
  });
  return { providerId, setupUrl };
}

function providerSetupMail(providerName: string, setupUrl: string) {
  return renderMail({
    subject: `Set up your provider ${providerName} on Keyhouse`,
    heading: "Your Provider Portal is ready to set up",
    paragraphs: [
      `A Keyhouse operator created the provider "${providerName}" and named you its owner.`,
      "Follow the link to set it up. If you have no Keyhouse account yet, the link lets you create one for this email address. The link can be used once and expires in 5 days.",
    ],
    action: { label: "Set up provider", url: setupUrl },
  });
}
