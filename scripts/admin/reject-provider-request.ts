/** `reject-provider-request`: the request is closed and its requester is mailed the reason. */
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { deliverPendingMail } from "@/lib/mail/outbox";
import { commandLineContext } from "@/lib/operator/command-context";
import { rejectProviderRequest } from "@/lib/operator/provider-requests";
import { rejectProviderRequestSchema } from "@/lib/validation/provider-requests";
import { UsageError } from "./usage";

export const usage =
  "reject-provider-request --id ID --reason TEXT\n      Rejects a pending request and mails the requester the reason.";

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, strict: true, options: { id: { type: "string" }, reason: { type: "string" } } });
  const parsed = rejectProviderRequestSchema.safeParse({ requestId: values.id, reason: values.reason });
  if (!parsed.success) {
    const flags: Record<string, string> = { requestId: "--id", reason: "--reason" };
    const problems = parsed.error.issues.map(
      (issue) => `${flags[String(issue.path[0])] ?? issue.path.join(".")}: ${issue.message}`,
    );
    throw new UsageError(problems.join("\n"));
  }
  const db = await getDb();
  const { rejected, queuedMail } = await db.transaction(async (tx) => {
    const context = commandLineContext(tx);
    return {
      rejected: await rejectProviderRequest(context, parsed.data.requestId, parsed.data.reason),
      queuedMail: context.queuedMail,
    };
  });
  const delivery = await deliverPendingMail(queuedMail);
  const done = `Rejected "${rejected.businessName}"`;
  if (delivery.sent) console.log(`${done}; the reason was mailed to ${rejected.requesterEmail}.`);
  else if (delivery.logged)
    console.log(
      `${done}.\nNo SMTP_URL is set: the mail with the reason for ${rejected.requesterEmail} is in /dev/mailbox.`,
    );
  else
    console.log(
      `${done}.\nThe mail with the reason to ${rejected.requesterEmail} could not be sent yet; it will be retried.`,
    );
}
