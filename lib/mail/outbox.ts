import "server-only";
import { z } from "zod";
import {
  claimMail,
  type Mail,
  MAIL_BATCH_SIZE,
  type MailCursor,
  nextDeliverableBatch,
  recordDeliveryFailure,
  removeDeliveredLinkTokens,
} from "@/lib/dal/mail-outbox";
import { mailFrom } from "@/lib/server/config";
import { log } from "@/lib/server/log";
import { deliveryErrorMessage, getMailTransport, type MailTransport } from "./transport";

export type DeliveryResult = { sent: number; logged: number; failed: number };

/**
 * Delivers pending mail (and retries failed mail below MAX_DELIVERY_ATTEMPTS), oldest first, in batches: the
 * given ids only, or every such row. Sends through SMTP when SMTP_URL is set, else logs recipient and subject;
 * then removes the link tokens of the mail whose delivery is over. Never throws: the change that queued the mail has already committed, so errors are recorded and logged.
 */
export async function deliverPendingMail(ids?: string[]): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, logged: 0, failed: 0 };
  // Malformed ids cannot match a row, and would make PostgreSQL reject the whole query.
  const only = ids?.filter((id) => z.uuid().safeParse(id).success);
  if (only?.length === 0) return result;
  try {
    const transport = getMailTransport();
    let cursor: MailCursor | undefined;
    for (;;) {
      const batch = await nextDeliverableBatch(only, cursor);
      for (const row of batch) {
        const outcome = await deliverOne(row.id, transport);
        if (outcome) result[outcome] += 1;
      }
      const last = batch.at(-1);
      if (!last || batch.length < MAIL_BATCH_SIZE) break;
      cursor = { createdAt: last.createdAtText, id: last.id };
    }
  } catch (error) {
    log.error({ error: deliveryErrorMessage(error) }, "mail delivery run stopped");
  }
  await removeLinkTokens(only);
  return result;
}

/** Never throws, like the delivery it follows. */
async function removeLinkTokens(ids: string[] | undefined): Promise<void> {
  try {
    await removeDeliveredLinkTokens(ids);
  } catch (error) {
    log.error({ error: deliveryErrorMessage(error) }, "removing link tokens from delivered mail failed");
  }
}

async function deliverOne(id: string, transport: MailTransport | null): Promise<keyof DeliveryResult | null> {
  const mail = await claimMail(id, transport ? "sent" : "logged");
  if (!mail) return null; // another run got it first
  if (!transport) {
    logMail(mail);
    return "logged";
  }
  try {
    await transport.sendMail({
      from: mailFrom(),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    return "sent";
  } catch (error) {
    await recordFailure(mail, deliveryErrorMessage(error));
    return "failed";
  }
}

/** Without SMTP the log is the delivery. Recipient and subject only: the body carries single-use links. */
function logMail(mail: Mail): void {
  log.info({ mailId: mail.id, to: mail.to, subject: mail.subject }, "mail logged (SMTP_URL is not set)");
}

async function recordFailure(mail: Mail, message: string): Promise<void> {
  await recordDeliveryFailure(mail.id, message);
  log.warn({ mailId: mail.id, attempts: mail.attempts, error: message }, "mail delivery failed");
}
