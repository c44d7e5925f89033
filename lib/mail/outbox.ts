import "server-only";
import { and, count, desc, eq, gte, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { devMailboxEnabled, mailFrom } from "@/lib/server/config";
import { log } from "@/lib/server/log";
import { deliveryErrorMessage, getMailTransport, type MailTransport } from "./transport";

export type MailMessage = { to: string; subject: string; text: string; html: string };

export type MailStatus = (typeof mailOutbox.$inferSelect)["status"];
export type Mail = typeof mailOutbox.$inferSelect;
/** A mailbox list row: no bodies, which carry single-use links. */
export type MailSummary = Pick<Mail, "id" | "to" | "subject" | "status" | "attempts" | "createdAt" | "sentAt">;
export type DeliveryResult = { sent: number; logged: number; failed: number };

/** After this many failed attempts a row is left alone (an operator can look at its lastError). */
export const MAX_DELIVERY_ATTEMPTS = 5;
const BATCH_SIZE = 25;

const mailMessageSchema = z.object({
  to: z.email().max(256),
  // A line break in a header value would let the subject inject headers.
  subject: z
    .string()
    .trim()
    .min(1)
    .max(256)
    .regex(/^[^\r\n]*$/, "Subject must be a single line"),
  text: z.string().min(1),
  html: z.string().min(1),
});

/**
 * Queues a mail in the caller's transaction: it exists only if the change that causes it commits.
 * Deliver it after the commit with deliverPendingMail([id]).
 */
export async function enqueueMail(executor: Executor, message: MailMessage): Promise<string> {
  const values = mailMessageSchema.parse(message);
  const [row] = await executor.insert(mailOutbox).values(values).returning({ id: mailOutbox.id });
  if (!row) throw new Error("Inserting into mail_outbox returned no row");
  return row.id;
}

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
    let cursor: Cursor | undefined;
    for (;;) {
      const batch = await nextBatch(only, cursor);
      for (const row of batch) {
        const outcome = await deliverOne(row.id, transport);
        if (outcome) result[outcome] += 1;
      }
      const last = batch.at(-1);
      if (!last || batch.length < BATCH_SIZE) break;
      cursor = { createdAt: last.createdAtText, id: last.id };
    }
  } catch (error) {
    log.error({ error: deliveryErrorMessage(error) }, "mail delivery run stopped");
  }
  await removeDeliveredLinkTokens(only);
  return result;
}

/**
 * Every single-use link (invitations, setup, registration, verification) carries its token as a `token=` query
 * parameter, and only its hash is stored elsewhere: the mail body would be the one readable copy at rest.
 */
const LINK_TOKEN = "token=(?!removed-after-delivery)[A-Za-z0-9_-]+";
const REMOVED_TOKEN = "token=removed-after-delivery";

/**
 * Mail whose delivery is over: sent over SMTP, failed for the last time, or logged while no development mailbox
 * shows it (the log carried recipient and subject only). The mailbox is how the demo and the browser tests follow
 * links, so logged mail keeps its body while it is on.
 */
function deliveryIsOver(): SQL {
  return or(
    eq(mailOutbox.status, "sent"),
    and(eq(mailOutbox.status, "failed"), gte(mailOutbox.attempts, MAX_DELIVERY_ATTEMPTS)),
    devMailboxEnabled() ? undefined : eq(mailOutbox.status, "logged"),
  )!;
}

/**
 * Replaces the link tokens of delivered mail (the given ids, or every row: an older outbox too) with a
 * placeholder, so a database or backup reader cannot redeem them. Never throws, like the delivery it follows.
 */
async function removeDeliveredLinkTokens(ids: string[] | undefined): Promise<void> {
  try {
    const db = await getDb();
    await db
      .update(mailOutbox)
      .set({
        text: sql`regexp_replace(${mailOutbox.text}, ${LINK_TOKEN}, ${REMOVED_TOKEN}, 'g')`,
        html: sql`regexp_replace(${mailOutbox.html}, ${LINK_TOKEN}, ${REMOVED_TOKEN}, 'g')`,
      })
      .where(
        and(
          ids ? inArray(mailOutbox.id, ids) : undefined,
          deliveryIsOver(),
          or(sql`${mailOutbox.text} ~ ${LINK_TOKEN}`, sql`${mailOutbox.html} ~ ${LINK_TOKEN}`),
        ),
      );
  } catch (error) {
    log.error({ error: deliveryErrorMessage(error) }, "removing link tokens from delivered mail failed");
  }
}

/** Newest first, for the development mailbox. */
export async function listMailbox({ limit, offset }: { limit: number; offset: number }): Promise<{
  mails: MailSummary[];
  total: number;
}> {
  const db = await getDb();
  const mails = await db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit)
    .offset(offset);
  const [totals] = await db.select({ total: count() }).from(mailOutbox);
  return { mails, total: totals?.total ?? 0 };
}

/** One mail with its bodies, or null for an unknown (or malformed) id. */
export async function getMail(id: string): Promise<Mail | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const db = await getDb();
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return mail ?? null;
}

/**
 * Keyset position: created_at as PostgreSQL's own text, because a JS Date drops the microseconds and would
 * make the next batch start before the last row.
 */
type Cursor = { createdAt: string; id: string };

const deliverable = and(
  inArray(mailOutbox.status, ["pending", "failed"]),
  lt(mailOutbox.attempts, MAX_DELIVERY_ATTEMPTS),
);

async function nextBatch(ids: string[] | undefined, cursor: Cursor | undefined) {
  const db = await getDb();
  return db
    .select({ id: mailOutbox.id, createdAtText: sql<string>`${mailOutbox.createdAt}::text` })
    .from(mailOutbox)
    .where(
      and(
        deliverable,
        ids ? inArray(mailOutbox.id, ids) : undefined,
        cursor
          ? sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) > (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(mailOutbox.createdAt, mailOutbox.id)
    .limit(BATCH_SIZE);
}

/**
 * Claims a row by moving it to its final status in one conditional UPDATE, so two concurrent runs (or app
 * instances) never send the same mail twice; a failed send then moves it to `failed`. The trade-off: a process
 * that dies mid-send leaves the row marked sent (at most once, rather than at least once).
 */
async function claim(id: string, status: "sent" | "logged"): Promise<Mail | undefined> {
  const db = await getDb();
  const [row] = await db
    .update(mailOutbox)
    .set({ status, attempts: sql`${mailOutbox.attempts} + 1`, sentAt: new Date(), lastError: null })
    .where(and(eq(mailOutbox.id, id), deliverable))
    .returning();
  return row;
}

async function deliverOne(id: string, transport: MailTransport | null): Promise<keyof DeliveryResult | null> {
  const mail = await claim(id, transport ? "sent" : "logged");
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
  const db = await getDb();
  await db
    .update(mailOutbox)
    .set({ status: "failed", sentAt: null, lastError: message.slice(0, 500) })
    .where(eq(mailOutbox.id, mail.id));
  log.warn({ mailId: mail.id, attempts: mail.attempts, error: message }, "mail delivery failed");
}

/** Mail still to be sent: pending, or failed with attempts left (the metrics' mail queue depth). */
export async function countQueuedMail(): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(mailOutbox)
    .where(
      or(
        eq(mailOutbox.status, "pending"),
        and(eq(mailOutbox.status, "failed"), lt(mailOutbox.attempts, MAX_DELIVERY_ATTEMPTS)),
      ),
    );
  return row?.n ?? 0;
}
