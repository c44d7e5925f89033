import "server-only";
import { createHmac } from "node:crypto";
import type { LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import {
  claimWebhookDelivery,
  type DueDelivery,
  type DueDeliveryRef,
  dueWebhookDeliveries,
  recordWebhookAttempt,
} from "@/lib/dal/provider-webhooks";
import { bareHost, checkedAddressOf, pinnedLookup } from "./address-guard";
import { webhooksAllowPrivate } from "./config";
import { log, summarizeError } from "./log";
import { groupBy } from "@/lib/group-by";

/**
 * Delivers queued provider webhooks (lib/dal/provider-webhooks.ts). Each POST carries the event as JSON and
 * `Keyhouse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the endpoint's secret>`, with the
 * delivery's id (the same on every retry, for idempotency). A 2xx answer within the time limit delivers it; anything
 * else is retried on WEBHOOK_RETRY_MINUTES. The endpoint's address is checked like a site icon's (public only, unless
 * the operator allows private ones) and the connection pinned to the checked address; redirects are not followed.
 *
 * A run takes up to RUN_SIZE due deliveries, at most PER_ENDPOINT_PER_RUN of any one endpoint, and serves up to
 * PARALLEL_ENDPOINTS endpoints at once, each endpoint's deliveries one after the other; it stops sending to an endpoint
 * at its first failure (the rest wait for the next run). So an endpoint that hangs, refuses or answers slowly holds
 * one worker for at most PER_ENDPOINT_PER_RUN attempts, and the others go on serving everyone else; what a run leaves, the
 * next one (15 seconds later) takes.
 */

export const WEBHOOK_TIMEOUT_MS = 5_000;
const RUN_SIZE = 500;
export const PER_ENDPOINT_PER_RUN = 20;
const PARALLEL_ENDPOINTS = 8;

/** The signature header's value for this body at this moment: what a receiver recomputes to trust a delivery. */
export function webhookSignature(secret: string, body: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

type Outcome = { delivered: boolean; status: number | null; error: string | null };

function post(url: URL, address: LookupAddress, headers: Record<string, string>, body: string): Promise<number> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  const host = bareHost(url.hostname);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host,
        servername: host,
        port: url.port || (url.protocol === "https:" ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: pinnedLookup(address),
        agent: false,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      },
      (response) => {
        // The answer's body is not read: only its status counts.
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** Null when the name has not resolved in time (a DNS lookup takes no signal). */
function resolveInTime(hostname: string) {
  return Promise.race([
    checkedAddressOf(hostname, { allowPrivate: webhooksAllowPrivate() }),
    new Promise<null>((resolve) => setTimeout(resolve, WEBHOOK_TIMEOUT_MS, null).unref()),
  ]);
}

/** Web ports and unprivileged ones: not a way to reach another host's mail, SSH or database ports. */
export function webhookPortAllowed(url: URL): boolean {
  const port = Number(url.port || (url.protocol === "https:" ? 443 : 80));
  return port === 80 || port === 443 || port >= 1024;
}

async function attempt(delivery: DueDelivery): Promise<Outcome> {
  try {
    const url = new URL(delivery.url);
    if (!webhookPortAllowed(url)) return { delivered: false, status: null, error: "The port is not allowed." };
    const address = await resolveInTime(url.hostname);
    if (!address) return { delivered: false, status: null, error: "The address is not public, or does not resolve." };
    const status = await post(
      url,
      address,
      {
        "content-type": "application/json",
        "user-agent": "Keyhouse webhooks",
        "keyhouse-event": delivery.eventType,
        "keyhouse-delivery": delivery.id,
        "keyhouse-signature": webhookSignature(delivery.secret, delivery.body, new Date()),
      },
      delivery.body,
    );
    const delivered = status >= 200 && status < 300;
    return { delivered, status, error: delivered ? null : `Answered ${status}.` };
  } catch (error) {
    return { delivered: false, status: null, error: error instanceof Error ? error.message : "The request failed." };
  }
}

export type WebhookRun = { delivered: number; failed: number };

/** Sends one endpoint's due deliveries in order, until one fails. */
async function deliverQueue(queue: DueDeliveryRef[], now: Date, run: WebhookRun): Promise<void> {
  for (const { id } of queue) {
    const delivery = await claimWebhookDelivery(id, now);
    if (!delivery) continue; // another run took it
    const outcome = await attempt(delivery);
    await recordWebhookAttempt(delivery, outcome);
    run[outcome.delivered ? "delivered" : "failed"] += 1;
    if (!outcome.delivered) return;
  }
}

/**
 * Sends the deliveries due at `now`, up to a run's share (the ones a failed attempt put off wait for their time). Never
 * throws: the changes the events tell of have committed, so problems are kept on the delivery and logged.
 */
export async function deliverDueWebhooks(now = new Date()): Promise<WebhookRun> {
  const run: WebhookRun = { delivered: 0, failed: 0 };
  try {
    // One queue an endpoint, each in the order its deliveries fell due.
    const due = await dueWebhookDeliveries(now, RUN_SIZE, PER_ENDPOINT_PER_RUN);
    const queues = [...groupBy(due, (delivery) => delivery.webhookId).values()];
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) await deliverQueue(queue, now, run);
    };
    // Every worker ends before the run does, even when one meets a database error.
    const ended = await Promise.allSettled(Array.from({ length: Math.min(PARALLEL_ENDPOINTS, queues.length) }, worker));
    const stopped = ended.find((result) => result.status === "rejected");
    if (stopped) throw stopped.reason;
  } catch (error) {
    log.error({ err: summarizeError(error) }, "webhook delivery run stopped");
  }
  return run;
}
