/** `approve-provider-request`: the request's provider is made with the requester as its first admin, who is mailed. */
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/server/config";
import { deliverPendingMail } from "@/lib/mail/outbox";
import { commandLineContext } from "@/lib/operator/command-context";
import { approveProviderRequest } from "@/lib/operator/provider-requests";
import { providerRequestIdSchema } from "@/lib/validation/provider-requests";
import { UsageError } from "./usage";

export const usage =
  "approve-provider-request --id ID\n      Approves a pending request: creates the provider, makes the requester its first admin and mails them.";

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, strict: true, options: { id: { type: "string" } } });
  const parsed = providerRequestIdSchema.safeParse({ requestId: values.id });
  if (!parsed.success) {
    const flags: Record<string, string> = { requestId: "--id" };
    const problems = parsed.error.issues.map(
      (issue) => `${flags[String(issue.path[0])] ?? issue.path.join(".")}: ${issue.message}`,
    );
    throw new UsageError(problems.join("\n"));
  }
  const db = await getDb();
  const { approved, queuedMail } = await db.transaction(async (tx) => {
    const context = commandLineContext(tx);
    return { approved: await approveProviderRequest(context, parsed.data.requestId), queuedMail: context.queuedMail };
  });
  const delivery = await deliverPendingMail(queuedMail);
  const { businessName, providerId, requesterEmail } = approved;
  const done = `Approved "${businessName}": provider ${providerId} created; ${requesterEmail} is its first admin`;
  const portalUrl = appUrl(`/providers/${providerId}`);
  if (delivery.sent) console.log(`${done} and was mailed.`);
  else if (delivery.logged)
    console.log(
      `${done}.\nNo SMTP_URL is set: the approval mail for ${requesterEmail} is in /dev/mailbox.\nProvider Portal: ${portalUrl}`,
    );
  else
    console.log(
      `${done}.\nThe approval mail to ${requesterEmail} could not be sent yet; it will be retried. Provider Portal: ${portalUrl}`,
    );
}
