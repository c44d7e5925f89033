import "server-only";
import { and, count, desc, eq, lt, ne, sql } from "drizzle-orm";
import { notFound } from "next/navigation";
import { type Executor, getDb, selectRows } from "@/db/client";
import { providerWebhookDeliveries, providerWebhooks, users } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { assertScope, type ProviderScope } from "@/lib/authz/scope-brand";
import { newSecret } from "@/lib/server/secret-token";

/**
 * A provider's webhook endpoints and their delivery outbox (db/schema/provider-webhooks.ts). Events are queued in the
 * transaction of the change they tell of, one row per endpoint, and lib/server/webhooks.ts delivers them.
 */

export const WEBHOOK_EVENTS = {
  "client.created": "A client was created or added",
  "client.seats_changed": "A client's seats changed",
  "invoice.closed": "An invoice was closed",
} as const;
export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;

/** Attempts before a delivery is given up, and the wait after each failed one (the last wait is never used). */
export const WEBHOOK_RETRY_MINUTES = [1, 5, 30, 120, 720, 1440] as const;
export const MAX_WEBHOOK_ATTEMPTS = WEBHOOK_RETRY_MINUTES.length;
export const WEBHOOK_SECRET_PREFIX = "whsec_";

export type ProviderWebhookRow = {
  id: string;
  url: string;
  createdAt: Date;
  createdBy: string | null;
  delivered: number;
  pending: number;
  failed: number;
  lastStatus: number | null;
};

/** The provider's endpoints with their deliveries counted by status: one statement. */
export async function listProviderWebhooks(scope: ProviderScope): Promise<ProviderWebhookRow[]> {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  return selectRows<ProviderWebhookRow>(
    db,
    sql`select hook.id, hook.url, hook.created_at as "createdAt", maker.email as "createdBy",
        count(*) filter (where delivery.status = 'delivered')::int as delivered,
        count(*) filter (where delivery.status = 'pending')::int as pending,
        count(*) filter (where delivery.status = 'failed')::int as failed,
        (array_agg(delivery.last_response_status order by delivery.created_at desc)
          filter (where delivery.attempts > 0))[1] as "lastStatus"
      from ${providerWebhooks} hook
      left join ${users} maker on maker.id = hook.created_by
      left join ${providerWebhookDeliveries} delivery on delivery.webhook_id = hook.id
      where hook.provider_id = ${providerId}
      group by hook.id, maker.email
      order by hook.created_at desc, hook.id`,
  );
}

/** Endpoints a provider may have: each event is sent to every one of them. */
export const MAX_WEBHOOKS_PER_PROVIDER = 10;

/** Adds an endpoint (up to the maximum); answers its signing secret, the only time it is shown. */
export async function createProviderWebhook(tx: Executor, scope: ProviderScope, url: string) {
  const { providerId, userId } = assertScope(scope);
  const [existing] = await tx
    .select({ n: count() })
    .from(providerWebhooks)
    .where(eq(providerWebhooks.providerId, providerId));
  if ((existing?.n ?? 0) >= MAX_WEBHOOKS_PER_PROVIDER)
    throw new ActionError(`A provider has at most ${MAX_WEBHOOKS_PER_PROVIDER} webhook endpoints. Remove one first.`);
  const secret = `${WEBHOOK_SECRET_PREFIX}${newSecret(24).secret}`;
  const [row] = await tx
    .insert(providerWebhooks)
    .values({ providerId, url, secret, createdBy: userId })
    .returning({ id: providerWebhooks.id });
  return { id: row!.id, secret };
}

/** Removes one of the provider's endpoints with its outbox; another provider's (or none) is a 404. */
export async function deleteProviderWebhook(tx: Executor, scope: ProviderScope, webhookId: string) {
  const { providerId } = assertScope(scope);
  const [row] = await tx
    .delete(providerWebhooks)
    .where(and(eq(providerWebhooks.id, webhookId), eq(providerWebhooks.providerId, providerId)))
    .returning({ url: providerWebhooks.url });
  if (!row) notFound();
  return row;
}

/**
 * Queues an event for every endpoint of the scope's provider, in the caller's transaction (one statement): it is
 * sent if and only if the change commits.
 */
export async function queueProviderWebhook(
  tx: Executor,
  scope: ProviderScope,
  type: WebhookEventType,
  data: Record<string, unknown>,
): Promise<void> {
  const { providerId } = assertScope(scope);
  await queueWebhooksFor(tx, type, [{ providerId, data }]);
}

/**
 * queueProviderWebhook for changes that no provider member made (an operator closing the month's invoices): one event
 * for each provider it concerns, queued in one statement.
 */
export async function queueWebhooksFor(
  tx: Executor,
  type: WebhookEventType,
  events: readonly { providerId: string; data: Record<string, unknown> }[],
): Promise<void> {
  if (events.length === 0) return;
  const items = JSON.stringify(events.map(({ providerId, data }) => ({ provider_id: providerId, data })));
  await tx.execute(sql`insert into ${providerWebhookDeliveries} (webhook_id, event_type, payload)
    select hook.id, ${type}, jsonb_build_object('type', ${type}::text, 'providerId', item.provider_id,
      'occurredAt', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'data', item.data)
    from jsonb_to_recordset(${items}::jsonb) as item(provider_id uuid, data jsonb)
    join ${providerWebhooks} hook on hook.provider_id = item.provider_id`);
}

export type DueDelivery = {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  eventType: string;
  body: string;
};

export type DueDeliveryRef = { id: string; webhookId: string };

/**
 * Deliveries due at `now`, oldest first, at most `perEndpoint` of each endpoint (its oldest): a run's share of a busy
 * endpoint, so one endpoint's backlog does not fill the run.
 */
export async function dueWebhookDeliveries(now: Date, limit: number, perEndpoint: number): Promise<DueDeliveryRef[]> {
  const db = await getDb();
  return selectRows<DueDeliveryRef>(
    db,
    sql`select id, webhook_id as "webhookId" from (
        select delivery.id, delivery.webhook_id, delivery.next_attempt_at,
          row_number() over (partition by delivery.webhook_id order by delivery.next_attempt_at, delivery.id) as rank
        from ${providerWebhookDeliveries} delivery
        where delivery.status = 'pending' and delivery.next_attempt_at <= ${now.toISOString()}::timestamptz
      ) due
      where rank <= ${perEndpoint}
      order by next_attempt_at, id
      limit ${limit}`,
  );
}

/**
 * Takes a due delivery for one attempt: counts it and moves its next attempt to the retry's time in the same statement,
 * so no other run takes it meanwhile (and a crash mid-attempt means a retry, not a loss). Null when it is not due.
 */
export async function claimWebhookDelivery(id: string, now: Date): Promise<DueDelivery | null> {
  const db = await getDb();
  const waits = sql.raw(`array[${WEBHOOK_RETRY_MINUTES.join(",")}]`);
  const [row] = await selectRows<DueDelivery>(
    db,
    sql`update ${providerWebhookDeliveries} delivery
      set attempts = delivery.attempts + 1,
        next_attempt_at = ${now.toISOString()}::timestamptz
          + make_interval(mins => (${waits})[least(delivery.attempts + 1, ${MAX_WEBHOOK_ATTEMPTS})])
      from ${providerWebhooks} hook
      where delivery.id = ${id} and hook.id = delivery.webhook_id and delivery.status = 'pending'
        and delivery.next_attempt_at <= ${now.toISOString()}::timestamptz
      returning delivery.id, delivery.attempts, hook.url, hook.secret, delivery.event_type as "eventType",
        delivery.payload::text as body`,
  );
  return row ?? null;
}

/** The attempt's outcome: delivered, or the failure kept (and the delivery given up after the last attempt). */
export async function recordWebhookAttempt(
  delivery: Pick<DueDelivery, "id" | "attempts">,
  outcome: { delivered: boolean; status: number | null; error: string | null },
): Promise<void> {
  const db = await getDb();
  await db
    .update(providerWebhookDeliveries)
    .set({
      status: outcome.delivered ? "delivered" : delivery.attempts >= MAX_WEBHOOK_ATTEMPTS ? "failed" : "pending",
      deliveredAt: outcome.delivered ? new Date() : null,
      lastResponseStatus: outcome.status,
      lastError: outcome.error?.slice(0, 200) ?? null,
    })
    .where(eq(providerWebhookDeliveries.id, delivery.id));
}

/** The provider's latest deliveries, for the API keys page. */
export async function listRecentWebhookDeliveries(scope: ProviderScope, limit = 20) {
  const { providerId } = assertScope(scope);
  const db = await getDb();
  return db
    .select({
      id: providerWebhookDeliveries.id,
      url: providerWebhooks.url,
      eventType: providerWebhookDeliveries.eventType,
      status: providerWebhookDeliveries.status,
      attempts: providerWebhookDeliveries.attempts,
      lastResponseStatus: providerWebhookDeliveries.lastResponseStatus,
      lastError: providerWebhookDeliveries.lastError,
      createdAt: providerWebhookDeliveries.createdAt,
    })
    .from(providerWebhookDeliveries)
    .innerJoin(providerWebhooks, eq(providerWebhooks.id, providerWebhookDeliveries.webhookId))
    .where(eq(providerWebhooks.providerId, providerId))
    .orderBy(desc(providerWebhookDeliveries.createdAt), desc(providerWebhookDeliveries.id))
    .limit(limit);
}

/** Deliveries kept after they are over (delivered or given up): long enough to look back on a month. */
export const WEBHOOK_DELIVERY_DAYS = 30;

/** Drops deliveries that ended more than WEBHOOK_DELIVERY_DAYS ago, so the outbox does not grow without end. */
export async function purgeOldWebhookDeliveries(now: Date): Promise<number> {
  const db = await getDb();
  const removed = await db
    .delete(providerWebhookDeliveries)
    .where(
      and(
        ne(providerWebhookDeliveries.status, "pending"),
        lt(providerWebhookDeliveries.createdAt, new Date(now.getTime() - WEBHOOK_DELIVERY_DAYS * 86_400_000)),
      ),
    )
    .returning({ id: providerWebhookDeliveries.id });
  return removed.length;
}
