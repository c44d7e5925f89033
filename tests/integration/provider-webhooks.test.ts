import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createProviderWebhookAction,
  deleteProviderWebhookAction,
} from "@/app/(portal)/providers/[providerId]/api-keys/actions";
import { updateClientAction } from "@/app/(portal)/providers/[providerId]/clients/actions";
import { getDb } from "@/db/client";
import { providerWebhookDeliveries, providerWebhooks } from "@/db/schema";
import { requireProviderScope } from "@/lib/authz/scope";
import {
  listProviderWebhooks,
  listRecentWebhookDeliveries,
  MAX_WEBHOOK_ATTEMPTS,
  MAX_WEBHOOKS_PER_PROVIDER,
  purgeOldWebhookDeliveries,
} from "@/lib/dal/provider-webhooks";
import { closeBillingPeriod } from "@/lib/operator/billing";
import { commandLineContext } from "@/lib/operator/command-context";
import { deliverDueWebhooks, PER_ENDPOINT_PER_RUN } from "@/lib/server/webhooks";
import { createTestClient, createTestProvider, createTestUser, type TestUser } from "../support/factories";
import { signInAs } from "../support/session";

/**
 * Issue 16 part 5: a provider's webhooks. A receiver in this test answers 500 to a delivery's first attempt and 200
 * after; every request must carry a signature it can check with the secret shown when the endpoint was added.
 */

type Received = { headers: IncomingMessage["headers"]; body: string };

const MINUTE = 60_000;

describe("provider webhooks", () => {
  let admin: TestUser;
  let providerId: string;
  let otherProviderId: string;
  let clinic: string;
  let server: Server;
  let url: string;
  const received: Received[] = [];
  const failFirstAttempt = new Set<string>();

  async function addEndpoint(provider: string, address = url) {
    await signInAs(admin.id);
    const made = await createProviderWebhookAction({ providerId: provider, url: address });
    if (!made.ok) throw new Error(made.error);
    return made.secret;
  }

  beforeAll(async () => {
    vi.stubEnv("KEYHOUSE_WEBHOOKS_ALLOW_PRIVATE", "true");
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        received.push({ headers: request.headers, body });
        const delivery = String(request.headers["keyhouse-delivery"]);
        if (!failFirstAttempt.has(delivery)) {
          failFirstAttempt.add(delivery);
          response.writeHead(500).end();
        } else response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;

    admin = await createTestUser({ name: "Hook Admin" });
    providerId = (await createTestProvider(admin, "Hook MSP")).id;
    otherProviderId = (await createTestProvider(admin, "Other Hook MSP")).id;
    clinic = await createTestClient(providerId, "Hook Clinic", 5);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await new Promise((resolve) => server.close(resolve));
  });

  it("signs each delivery with the endpoint's secret, retries a failed one later, and keeps its id", async () => {
    const secret = await addEndpoint(providerId);
    expect(secret).toMatch(/^whsec_[\w-]{32}$/);
    await addEndpoint(otherProviderId); // told of nothing here: another provider's endpoint

    expect(
      await updateClientAction({ providerId, organizationId: clinic, name: "Hook Clinic", seats: 9 }),
    ).toMatchObject({
      ok: true,
    });
    const start = new Date();
    expect(await deliverDueWebhooks(start)).toEqual({ delivered: 0, failed: 1 });
    // Not due again until its retry time.
    expect(await deliverDueWebhooks(start)).toEqual({ delivered: 0, failed: 0 });
    expect(await deliverDueWebhooks(new Date(start.getTime() + 2 * MINUTE))).toEqual({ delivered: 1, failed: 0 });

    expect(received).toHaveLength(2);
    const [first, retry] = received;
    expect(retry!.headers["keyhouse-delivery"]).toBe(first!.headers["keyhouse-delivery"]);
    for (const { headers, body } of received) {
      expect(headers["keyhouse-event"]).toBe("client.seats_changed");
      const [, timestamp, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers["keyhouse-signature"]))!;
      expect(mac).toBe(createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex"));
      expect(createHmac("sha256", "whsec_someone-else").update(`${timestamp}.${body}`).digest("hex")).not.toBe(mac);
      expect(JSON.parse(body)).toMatchObject({
        type: "client.seats_changed",
        providerId,
        data: { clientId: clinic, name: "Hook Clinic", seatsBefore: 5, seats: 9 },
      });
    }
    const scope = await requireProviderScope(providerId, "provider.api_keys.manage");
    expect(await listProviderWebhooks(scope)).toEqual([
      expect.objectContaining({ url, delivered: 1, pending: 0, failed: 0, lastStatus: 204 }),
    ]);
    expect(await listRecentWebhookDeliveries(scope)).toEqual([
      expect.objectContaining({ url, eventType: "client.seats_changed", status: "delivered", attempts: 2 }),
    ]);
  });

  it("tells each provider of its closed invoice; a rename alone tells nothing", async () => {
    received.length = 0;
    await signInAs(admin.id);
    await updateClientAction({ providerId, organizationId: clinic, name: "Hook Clinic Renamed", seats: 9 });
    await createTestClient(otherProviderId, "Other Hook Clinic", 3);
    const db = await getDb();
    await db.transaction((tx) => closeBillingPeriod(commandLineContext(tx), { periodStart: "2031-05-01" }));
    const later = new Date(Date.now() + 10 * MINUTE);
    await deliverDueWebhooks(later);
    await deliverDueWebhooks(new Date(later.getTime() + 2 * MINUTE));
    type Sent = { type: string; providerId: string; data: { invoiceId: string } };
    const sent = received.map(({ body }) => JSON.parse(body) as Sent);
    // Each endpoint's first attempt fails, so each invoice comes twice, with the same invoice.
    expect(sent.map((body) => body.type)).toEqual(Array(4).fill("invoice.closed"));
    const invoiceOf = (provider: string) => [
      ...new Set(sent.filter((body) => body.providerId === provider).map((body) => body.data.invoiceId)),
    ];
    expect(invoiceOf(providerId)).toHaveLength(1);
    expect(invoiceOf(otherProviderId)).toHaveLength(1);
    expect(invoiceOf(providerId)[0]).not.toBe(invoiceOf(otherProviderId)[0]);
    expect(sent[0]).toMatchObject({
      data: { periodStart: "2031-05-01", periodEnd: "2031-05-31", totalCents: expect.any(Number) },
    });
  });

  it("gives up after the last attempt, and an endpoint that cannot be reached fails without stopping the others", async () => {
    const db = await getDb();
    // A port that was just free: nothing listens there now.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await addEndpoint(providerId, `http://127.0.0.1:${port}/nobody-listens`);
    await signInAs(admin.id);
    await updateClientAction({ providerId, organizationId: clinic, name: "Hook Clinic", seats: 10 });
    let at = new Date(Date.now() + 60 * MINUTE);
    for (let attempt = 0; attempt < MAX_WEBHOOK_ATTEMPTS; attempt += 1) {
      await deliverDueWebhooks(at);
      at = new Date(at.getTime() + 1441 * MINUTE);
    }
    const rows = await db.select().from(providerWebhookDeliveries);
    const unreachable = rows.filter((row) => row.lastError?.includes("ECONNREFUSED"));
    expect(unreachable).toEqual([expect.objectContaining({ status: "failed", attempts: MAX_WEBHOOK_ATTEMPTS })]);
    expect(rows.filter((row) => row.eventType === "client.seats_changed" && row.status === "delivered")).toHaveLength(
      2,
    );
    // Deliveries that ended are dropped after 30 days; a waiting one never is.
    expect(await purgeOldWebhookDeliveries(new Date())).toBe(0);
    const removed = await purgeOldWebhookDeliveries(new Date(Date.now() + 31 * 86_400_000));
    expect(removed).toBe(rows.filter((row) => row.status !== "pending").length);
    const left = await db.select({ id: providerWebhookDeliveries.id }).from(providerWebhookDeliveries);
    expect(left.map((row) => row.id).sort()).toEqual(
      rows
        .filter((row) => row.status === "pending")
        .map((row) => row.id)
        .sort(),
    );
  });

  it("refuses plain http outside a private network, and removes an endpoint with its deliveries", async () => {
    vi.stubEnv("KEYHOUSE_WEBHOOKS_ALLOW_PRIVATE", "false");
    await signInAs(admin.id);
    expect(await createProviderWebhookAction({ providerId, url: "http://psa.example.com/hook" })).toMatchObject({
      ok: false,
      fieldErrors: { url: "Use an https address." },
    });
    expect(await createProviderWebhookAction({ providerId, url: "ftp://psa.example.com" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(
      await createProviderWebhookAction({ providerId, url: "https://psa:secret@psa.example.com/hook" }),
    ).toMatchObject({ ok: false, fieldErrors: { url: "Leave the user name and password out of the address." } });
    expect(await createProviderWebhookAction({ providerId, url: "https://psa.example.com:22/hook" })).toMatchObject({
      ok: false,
      error: "Use port 443, 80, or one from 1024 up.",
    });
    vi.stubEnv("KEYHOUSE_WEBHOOKS_ALLOW_PRIVATE", "true");
    const scope = await requireProviderScope(providerId, "provider.api_keys.manage");
    const [endpoint] = await listProviderWebhooks(scope);
    expect(await deleteProviderWebhookAction({ providerId: otherProviderId, webhookId: endpoint!.id })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await deleteProviderWebhookAction({ providerId, webhookId: endpoint!.id })).toMatchObject({ ok: true });
    expect((await listProviderWebhooks(scope)).map((row) => row.id)).not.toContain(endpoint!.id);

    // Every event goes to every endpoint, so a provider has a bounded number of them.
    for (let n = (await listProviderWebhooks(scope)).length; n < MAX_WEBHOOKS_PER_PROVIDER; n += 1)
      await addEndpoint(providerId, `https://psa${n}.example.com/hook`);
    expect(await createProviderWebhookAction({ providerId, url: "https://one-too-many.example.com" })).toMatchObject({
      ok: false,
      error: `A provider has at most ${MAX_WEBHOOKS_PER_PROVIDER} webhook endpoints. Remove one first.`,
    });
  });
});

describe("webhook delivery across endpoints", () => {
  type Receiver = { url: string; received: string[]; close: () => Promise<unknown> };
  const held: (() => void)[] = [];

  /** A receiver that answers `status` at once, or holds every request until released when `status` is "hold". */
  async function receiver(status: number | "hold"): Promise<Receiver> {
    const received: string[] = [];
    const server = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        received.push(String(request.headers["keyhouse-delivery"]));
        if (status === "hold") held.push(() => response.writeHead(204).end());
        else response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  async function waitFor(condition: () => boolean, what: string) {
    for (let waited = 0; !condition(); waited += 25) {
      if (waited > 3_000) throw new Error(`still waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  afterAll(() => vi.unstubAllEnvs());

  it("serves other endpoints while one hangs, and tries a failing endpoint once per run", async () => {
    vi.stubEnv("KEYHOUSE_WEBHOOKS_ALLOW_PRIVATE", "true");
    const [hanging, quick, broken] = [await receiver("hold"), await receiver(204), await receiver(503)];
    const admin = await createTestUser({ name: "Busy Hook Admin" });
    const providerId = (await createTestProvider(admin, "Busy Hook MSP")).id;
    const client = await createTestClient(providerId, "Busy Hook Clinic", 5);
    await signInAs(admin.id);
    // The hanging endpoint first: its deliveries are the oldest of each event, so a run sending one at a time would
    // wait out its time limit before serving anyone else.
    for (const { url } of [hanging, quick, broken])
      expect(await createProviderWebhookAction({ providerId, url })).toMatchObject({ ok: true });
    for (const seats of [6, 7, 8])
      expect(await updateClientAction({ providerId, organizationId: client, name: "Busy Hook Clinic", seats })).toEqual(
        { ok: true },
      );

    const running = deliverDueWebhooks(new Date());
    // The hanging endpoint answers nothing until released below: the others are served meanwhile.
    await waitFor(() => quick.received.length === 3, "the quick endpoint's three deliveries");
    await waitFor(() => broken.received.length === 1, "the failing endpoint's first delivery");
    await waitFor(() => hanging.received.length === 1, "the hanging endpoint's first delivery");
    expect(hanging.received).toHaveLength(1); // one at a time to an endpoint
    while (hanging.received.length < 3) {
      await waitFor(() => held.length > 0, "a held request");
      held.shift()!();
      await waitFor(() => held.length > 0 || hanging.received.length === 3, "the next delivery");
    }
    held.shift()?.();
    expect(await running).toEqual({ delivered: 6, failed: 1 });
    // The failing endpoint got one attempt this run; its other two deliveries wait, untried, for the next.
    expect(broken.received).toHaveLength(1);
    const rows = await (
      await getDb()
    )
      .select({ attempts: providerWebhookDeliveries.attempts, status: providerWebhookDeliveries.status })
      .from(providerWebhookDeliveries)
      .innerJoin(providerWebhooks, eq(providerWebhooks.id, providerWebhookDeliveries.webhookId))
      .where(eq(providerWebhooks.url, broken.url));
    expect(rows.map((row) => `${row.status}:${row.attempts}`).sort()).toEqual(["pending:0", "pending:0", "pending:1"]);
    await Promise.all([hanging, quick, broken].map((receiving) => receiving.close()));
  });

  it("sends one endpoint a bounded share of its backlog per run, and the rest on the next runs", async () => {
    vi.stubEnv("KEYHOUSE_WEBHOOKS_ALLOW_PRIVATE", "true");
    const quick = await receiver(204);
    const admin = await createTestUser({ name: "Backlog Hook Admin" });
    const providerId = (await createTestProvider(admin, "Backlog Hook MSP")).id;
    const client = await createTestClient(providerId, "Backlog Clinic", 5);
    await signInAs(admin.id);
    expect(await createProviderWebhookAction({ providerId, url: quick.url })).toMatchObject({ ok: true });
    const changes = PER_ENDPOINT_PER_RUN + 5;
    for (let seats = 6; seats < 6 + changes; seats += 1)
      await updateClientAction({ providerId, organizationId: client, name: "Backlog Clinic", seats });

    // Counted at this endpoint: the failing endpoint of the test above still has deliveries waiting.
    const now = new Date();
    await deliverDueWebhooks(now);
    expect(quick.received).toHaveLength(PER_ENDPOINT_PER_RUN);
    await deliverDueWebhooks(now);
    expect(quick.received).toHaveLength(changes);
    await deliverDueWebhooks(now);
    expect(quick.received).toHaveLength(changes);
    await quick.close();
  });
});
