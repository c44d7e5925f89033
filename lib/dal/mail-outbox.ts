import "server-only";
import { and, count, desc, eq, gte, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Executor, getDb } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { devMailboxEnabled } from "@/lib/server/config";

/** The mail outbox table: queued in the change's transaction, claimed and marked by the delivery (lib/mail/outbox.ts). */

export type MailMessage = { to: string; subject: string; text: string; html: string };

export type MailStatus = (typeof mailOutbox.$inferSelect)["status"];
export type Mail = typeof mailOutbox.$inferSelect;
/** A mailbox list row: no bodies, which carry single-use links. */
export type MailSummary = Pick<Mail, "id" | "to" | "subject" | "status" | "attempts" | "createdAt" | "sentAt">;

/** After this many failed attempts a row is left alone (an operator can look at its lastError). */
export const MAX_DELIVERY_ATTEMPTS = 5;
export const MAIL_BATCH_SIZE = 25;

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
 * placeholder, so a database or backup reader cannot redeem them.
 */
export async function removeDeliveredLinkTokens(ids: string[] | undefined): Promise<void> {
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
export type MailCursor = { createdAt: string; id: string };

const deliverable = and(
  inArray(mailOutbox.status, ["pending", "failed"]),
  lt(mailOutbox.attempts, MAX_DELIVERY_ATTEMPTS),
);

export async function nextDeliverableBatch(ids: string[] | undefined, cursor: MailCursor | undefined) {
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
    .limit(MAIL_BATCH_SIZE);
}

/**
 * Claims a row by moving it to its final status in one conditional UPDATE, so two concurrent runs (or app
 * instances) never send the same mail twice; a failed send then moves it to `failed`. The trade-off: a process
 * that dies mid-send leaves the row marked sent (at most once, rather than at least once).
 */
export async function claimMail(id: string, status: "sent" | "logged"): Promise<Mail | undefined> {
  const db = await getDb();
  const [row] = await db
    .update(mailOutbox)
    .set({ status, attempts: sql`${mailOutbox.attempts} + 1`, sentAt: new Date(), lastError: null })
    .where(and(eq(mailOutbox.id, id), deliverable))
    .returning();
  return row;
}

/** A failed send: the row can be retried until MAX_DELIVERY_ATTEMPTS. */
export async function recordDeliveryFailure(id: string, message: string): Promise<void> {
  const db = await getDb();
  await db
    .update(mailOutbox)
    .set({ status: "failed", sentAt: null, lastError: message.slice(0, 500) })
    .where(eq(mailOutbox.id, id));
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
