import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createProviderApiKeyAction,
  revokeProviderApiKeyAction,
} from "@/app/(portal)/providers/[providerId]/api-keys/actions";
import { createClientAction, discardPendingClientAction } from "@/app/(portal)/providers/[providerId]/clients/actions";
import * as clientRoute from "@/app/api/providers/[providerId]/v1/clients/[clientId]/route";
import * as membersRoute from "@/app/api/providers/[providerId]/v1/clients/[clientId]/members/route";
import * as clientsRoute from "@/app/api/providers/[providerId]/v1/clients/route";
import * as eventsRoute from "@/app/api/providers/[providerId]/v1/events/route";
import * as invoiceRoute from "@/app/api/providers/[providerId]/v1/invoices/[invoiceId]/route";
import * as invoicesRoute from "@/app/api/providers/[providerId]/v1/invoices/route";
import * as pendingClientRoute from "@/app/api/providers/[providerId]/v1/pending-clients/[pendingClientId]/route";
import * as usageRoute from "@/app/api/providers/[providerId]/v1/usage/route";
import { GET as openApiDocument } from "@/app/api/providers/openapi.json/route";
import { GET as sync } from "@/app/api/sync/route";
import { getDb } from "@/db/client";
import { clientUsageDays, events, organizations, providerApiKeys, providerPendingClients } from "@/db/schema";
import { MAX_WAITING_CLIENTS } from "@/lib/dal/pending-clients";
import { PROVIDER_API_CALLS_PER_MINUTE } from "@/lib/limits";
import { closeBillingPeriod } from "@/lib/operator/billing";
import { commandLineContext } from "@/lib/operator/command-context";
import {
  addTestMember,
  createTestClient,
  createTestProvider,
  createTestUser,
  type TestUser,
} from "../support/factories";
import { FAKE_ENC_2, FAKE_PUBLIC_KEY } from "../support/fakes";
import { signInAs, testSession } from "../support/session";
import { deviceToken } from "./bitwarden-api/api";
import { addServiceUser, scopeMember } from "../support/technician-scope";

/**
 * Issue 16 part 5's acceptance: every request is made from the OpenAPI document the server serves (operation id →
 * method, path template, parameters), sent to the route that answers that path. Read-only keys are refused writes,
 * revoked keys everything, another provider's ids are 404s, and every call lands in the provider's log.
 */

type Document = {
  paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[] }>>;
};
// Answers are read as the document describes them, field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

// The application's routing, by the path templates the document uses (one module per path, as Next.js files them).
const ROUTES: Record<string, Record<string, unknown>> = {
  "/api/providers/{providerId}/v1/clients": clientsRoute,
  "/api/providers/{providerId}/v1/clients/{clientId}": clientRoute,
  "/api/providers/{providerId}/v1/clients/{clientId}/members": membersRoute,
  "/api/providers/{providerId}/v1/usage": usageRoute,
  "/api/providers/{providerId}/v1/invoices": invoicesRoute,
  "/api/providers/{providerId}/v1/invoices/{invoiceId}": invoiceRoute,
  "/api/providers/{providerId}/v1/events": eventsRoute,
  "/api/providers/{providerId}/v1/pending-clients/{pendingClientId}": pendingClientRoute,
};

let document: Document;

/** A request built from the document alone: its operation's method and path, its named path and query parameters. */
async function call(
  key: string,
  operationId: string,
  values: Record<string, string | number> = {},
  body?: unknown,
): Promise<{ status: number; body: Json; headers: Headers }> {
  const [template, method, operation] = Object.entries(document.paths)
    .flatMap(([path, item]) => Object.entries(item).map(([verb, op]) => [path, verb, op] as const))
    .find(([, , op]) => op.operationId === operationId)!;
  const params: Record<string, string> = {};
  const query = new URLSearchParams();
  for (const parameter of operation.parameters ?? []) {
    const value = values[parameter.name];
    if (value === undefined) continue;
    if (parameter.in === "path") params[parameter.name] = String(value);
    if (parameter.in === "query") query.set(parameter.name, String(value));
  }
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
  const request = new Request(`http://localhost${path}${query.size ? `?${query}` : ""}`, {
    method: method.toUpperCase(),
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const handler = ROUTES[template]![method.toUpperCase()] as Handler;
  const response = await handler(request, { params: Promise.resolve(params) });
  return {
    status: response.status,
    body: response.status === 204 ? null : await response.json(),
    headers: response.headers,
  };
}

describe("the provider API, driven by its OpenAPI document", () => {
  let admin: TestUser;
  let providerId: string;
  let otherProviderId: string;
  let dental: string;
  let law: string;
  let foreign: string;
  let writeKey: string;
  let readKey: string;

  async function makeKey(as: TestUser, provider: string, access: "read" | "write", name: string) {
    await signInAs(as.id);
    const made = await createProviderApiKeyAction({ providerId: provider, name, access });
    if (!made.ok) throw new Error(made.error);
    return made.key;
  }

  beforeAll(async () => {
    const served = await openApiDocument();
    document = (await served.json()) as Document;
    admin = await createTestUser({ name: "API Admin" });
    providerId = (await createTestProvider(admin, "API MSP")).id;
    dental = await createTestClient(providerId, "API Dental", 10);
    await addTestMember(dental, await createTestUser({ name: "Dental Member" }), "user");
    law = await createTestClient(providerId, "API Law", 5);
    // The keys' maker is an admin of the other provider too: a key still reaches its own provider alone.
    otherProviderId = (await createTestProvider(admin, "Other API MSP")).id;
    foreign = await createTestClient(otherProviderId, "API Foreign", 3);
    writeKey = await makeKey(admin, providerId, "write", "PSA");
    readKey = await makeKey(admin, providerId, "read", "Dashboard tool");
  });

  it("routes every path the document lists, and only those", () => {
    expect(Object.keys(document.paths).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const [path, item] of Object.entries(document.paths))
      for (const method of Object.keys(item)) expect(typeof ROUTES[path]![method.toUpperCase()]).toBe("function");
  });

  it("lists and reads clients, changes seats, and reads members, usage, invoices and events", async () => {
    const listed = await call(readKey, "listClients", { providerId });
    expect(listed.status).toBe(200);
    expect(listed.body.clients.map((client: { name: string }) => client.name)).toEqual(["API Dental", "API Law"]);
    expect(listed.body).toMatchObject({ page: 1, total: 2 });
    expect(listed.headers.get("x-ratelimit-limit")).toBe(String(PROVIDER_API_CALLS_PER_MINUTE));

    const searched = await call(readKey, "listClients", { providerId, search: "law" });
    expect(searched.body.clients.map((client: { id: string }) => client.id)).toEqual([law]);

    const changed = await call(writeKey, "updateClient", { providerId, clientId: law }, { seats: 8 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: law, name: "API Law", seatsAssigned: 8, seatsUsed: 1 });
    expect((await call(readKey, "getClient", { providerId, clientId: law })).body.seatsAssigned).toBe(8);

    const members = await call(readKey, "listClientMembers", { providerId, clientId: dental });
    expect(members.status).toBe(200);
    const roles = members.body.members.map(
      (member: { name: string; role: string }) => `${member.name}: ${member.role}`,
    );
    expect(roles.sort()).toEqual(["Dental Member: user", "Test User: owner"]);
    expect(members.body).toMatchObject({ total: 2, page: 1 });

    const db = await getDb();
    await db.insert(clientUsageDays).values([
      {
        providerId,
        organizationId: dental,
        day: "2031-01-01",
        clientName: "API Dental",
        seatsAssigned: 10,
        seatsUsed: 2,
      },
      {
        providerId,
        organizationId: dental,
        day: "2031-01-02",
        clientName: "API Dental",
        seatsAssigned: 12,
        seatsUsed: 2,
      },
    ]);
    const usage = await call(readKey, "getUsage", { providerId, month: "2031-01" });
    expect(usage.status).toBe(200);
    expect(usage.body).toMatchObject({ month: "2031-01", days: 31 });
    expect(usage.body.clients).toEqual([
      expect.objectContaining({ clientId: dental, daysRecorded: 2, peakSeatsAssigned: 12, peakSeatsUsed: 2 }),
    ]);

    await db.transaction((tx) => closeBillingPeriod(commandLineContext(tx), { periodStart: "2031-01-01" }));
    const invoices = await call(readKey, "listInvoices", { providerId });
    expect(invoices.status).toBe(200);
    const [invoice] = invoices.body.invoices;
    expect(invoice).toMatchObject({ periodStart: "2031-01-01", periodEnd: "2031-01-31" });
    const read = await call(readKey, "getInvoice", { providerId, invoiceId: invoice.id });
    expect(read.status).toBe(200);
    expect(read.body.items.find((item: { clientId: string }) => item.clientId === dental)).toMatchObject({
      billedSeats: 12,
      billedBy: "peak",
    });

    const logged = await call(readKey, "listEvents", { providerId, type: "provider_organization_updated" });
    expect(logged.status).toBe(200);
    expect(logged.body.events[0]).toMatchObject({
      type: "provider_organization_updated",
      client: { id: law, name: "API Law" },
      actor: { name: "API Admin" },
    });
  });

  it("puts each call in the provider's log, with the key's name, the operation and the answer's status", async () => {
    await call(readKey, "getClient", { providerId, clientId: dental });
    await call(readKey, "getClient", { providerId, clientId: foreign });
    const db = await getDb();
    const calls = await db.select().from(events).where(eq(events.type, "provider_api_called"));
    expect(calls.map((row) => row.details).slice(-2)).toEqual([
      { key: "Dashboard tool", operation: "getClient", status: 200 },
      { key: "Dashboard tool", operation: "getClient", status: 404 },
    ]);
    expect(calls.every((row) => row.providerId === providerId && row.actingUserId === admin.id)).toBe(true);
  });

  it("refuses writes to a read-only key, with nothing changed", async () => {
    const refused = await call(readKey, "updateClient", { providerId, clientId: dental }, { seats: 20 });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: "read_only" } } });
    expect((await call(readKey, "unlinkClient", { providerId, clientId: dental })).status).toBe(403);
    expect((await call(readKey, "getClient", { providerId, clientId: dental })).body.seatsAssigned).toBe(10);
  });

  it("answers 404 for another provider's ids, in the path or behind it", async () => {
    expect((await call(writeKey, "listClients", { providerId: otherProviderId })).status).toBe(404);
    expect((await call(writeKey, "getClient", { providerId, clientId: foreign })).status).toBe(404);
    expect((await call(writeKey, "updateClient", { providerId, clientId: foreign }, { seats: 9 })).status).toBe(404);
    expect((await call(writeKey, "unlinkClient", { providerId, clientId: foreign })).status).toBe(404);
    expect((await call(writeKey, "listClientMembers", { providerId, clientId: foreign })).status).toBe(404);
    expect((await call(writeKey, "getInvoice", { providerId, invoiceId: crypto.randomUUID() })).status).toBe(404);
    expect((await call(writeKey, "getClient", { providerId, clientId: "not-an-id" })).status).toBe(404);
    const db = await getDb();
    const [untouched] = await db.select().from(organizations).where(eq(organizations.id, foreign));
    expect(untouched!.seats).toBe(3);
  });

  it("gives a clear 400 for bad input, and a 409 when a rule refuses", async () => {
    const bad = await call(writeKey, "updateClient", { providerId, clientId: law }, { seats: "many" });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { code: "invalid_input", fields: { seats: expect.any(String) } } },
    });
    // Every answer to a live key says where its rate limit stands, refusals too.
    expect(bad.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
    const empty = await call(writeKey, "updateClient", { providerId, clientId: law }, {});
    expect(empty.status).toBe(400);
    expect((await call(readKey, "getUsage", { providerId, month: "2031-13" })).status).toBe(400);
    const below = await call(writeKey, "updateClient", { providerId, clientId: dental }, { seats: 1 });
    expect(below).toMatchObject({
      status: 409,
      body: { error: { message: "Assigned seats cannot be fewer than the 2 seats in use." } },
    });
  });

  it("acts as the key's maker: a maker scoped to one client reaches only it", async () => {
    const tech = await createTestUser({ name: "API Tech" });
    const member = await addServiceUser(providerId, tech);
    await scopeMember(providerId, member, { clients: [dental] });
    // Only admins make keys; a key whose maker is now a scoped technician has the technician's reach.
    const techKey = await makeKey(admin, providerId, "read", "Tech tool");
    const db = await getDb();
    await db.update(providerApiKeys).set({ createdBy: tech.id }).where(eq(providerApiKeys.name, "Tech tool"));
    const listed = await call(techKey, "listClients", { providerId });
    expect(listed.body.clients.map((client: { id: string }) => client.id)).toEqual([dental]);
    expect((await call(techKey, "getClient", { providerId, clientId: law })).status).toBe(404);
    // Service users do not see billing: the gate is the Billing page's.
    expect((await call(techKey, "listInvoices", { providerId })).status).toBe(404);
    // Clients asked for are the provider's whole queue: only those who reach every client read them.
    const [asked] = await db
      .insert(providerPendingClients)
      .values({
        providerId,
        name: "Queued Clinic",
        ownerEmail: "queued@api.example",
        planType: "teams_monthly",
        seats: 1,
      })
      .returning({ id: providerPendingClients.id });
    try {
      expect((await call(techKey, "getPendingClient", { providerId, pendingClientId: asked!.id })).status).toBe(404);
      expect((await call(readKey, "getPendingClient", { providerId, pendingClientId: asked!.id })).status).toBe(200);
    } finally {
      await db.delete(providerPendingClients).where(eq(providerPendingClients.id, asked!.id));
    }
  });

  it("refuses a revoked key, an unknown one and none at all with a 401", async () => {
    const key = await makeKey(admin, providerId, "write", "Soon revoked");
    expect((await call(key, "listClients", { providerId })).status).toBe(200);
    const db = await getDb();
    const [row] = await db.select().from(providerApiKeys).where(eq(providerApiKeys.name, "Soon revoked"));
    await signInAs(admin.id);
    expect(await revokeProviderApiKeyAction({ providerId, keyId: row!.id })).toMatchObject({ ok: true });
    const refused = await call(key, "listClients", { providerId });
    expect(refused).toMatchObject({ status: 401, body: { error: { code: "unauthenticated" } } });
    expect((await call(`khp_${"x".repeat(43)}`, "listClients", { providerId })).status).toBe(401);
    expect((await call("", "listClients", { providerId })).status).toBe(401);
    // The scheme's name is case-insensitive (RFC 9110).
    const lower = await clientsRoute.GET(
      new Request(`http://localhost/api/providers/${providerId}/v1/clients`, {
        headers: { authorization: `bearer ${writeKey}` },
      }),
      { params: Promise.resolve({ providerId }) },
    );
    expect(lower.status).toBe(200);
  });

  it(`limits a key to ${PROVIDER_API_CALLS_PER_MINUTE} calls a minute, counted in the database`, async () => {
    const key = await makeKey(admin, providerId, "read", "Busy");
    const db = await getDb();
    // The minute's count as if the tool had already made its calls (counting one by one takes as long as it sounds).
    await db
      .update(providerApiKeys)
      .set({
        rateCount: PROVIDER_API_CALLS_PER_MINUTE - 1,
        rateWindow: new Date(Math.floor(Date.now() / 60_000) * 60_000),
      })
      .where(eq(providerApiKeys.name, "Busy"));
    const last = await call(key, "listClients", { providerId });
    if (new Date().getUTCSeconds() === 0) return; // a new minute began between the two statements: nothing to see
    expect(last.status).toBe(200);
    expect(last.headers.get("x-ratelimit-remaining")).toBe("0");
    const limited = await call(key, "listClients", { providerId });
    expect(limited).toMatchObject({ status: 429, body: { error: { code: "rate_limited" } } });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("keeps the two APIs apart: a provider key opens no vault, and an app's token no provider API", async () => {
    testSession.current = null;
    const asApp = await sync(
      new Request("http://localhost/api/sync", { headers: { authorization: `Bearer ${writeKey}` } }),
      { params: Promise.resolve({}) } as never,
    );
    expect(asApp.status).toBe(401);
    const { token } = await deviceToken(admin.id);
    expect((await call(token, "listClients", { providerId })).status).toBe(401);
  });

  it("asks for a client, which a provider member's browser sets up in the portal; or which is discarded", async () => {
    const request = {
      name: "API Dentist",
      ownerEmail: "dentist-owner@api.example",
      planType: "teams_monthly" as const,
      seats: 4,
    };
    expect((await call(readKey, "createClient", { providerId }, request)).status).toBe(403);
    const asked = await call(writeKey, "createClient", { providerId }, request);
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: "awaiting_setup", name: "API Dentist", seats: 4, clientId: null });
    const pendingClientId = asked.body.id as string;
    expect((await call(readKey, "getPendingClient", { providerId, pendingClientId })).body.status).toBe(
      "awaiting_setup",
    );
    expect((await call(readKey, "listClients", { providerId, search: "Dentist" })).body.total).toBe(0);

    // The portal's Set up: the browser's keys (here well-shaped stand-ins) with the request's id.
    await signInAs(admin.id);
    const created = await createClientAction({
      providerId,
      ...request,
      publicKey: FAKE_PUBLIC_KEY,
      privateKey: FAKE_ENC_2,
      collectionName: FAKE_ENC_2,
      key: FAKE_ENC_2,
      pendingClientId,
    });
    expect(created).toMatchObject({ ok: true });
    const clientId = (created as { organizationId: string }).organizationId;
    expect((await call(readKey, "getPendingClient", { providerId, pendingClientId })).body).toMatchObject({
      status: "created",
      clientId,
    });
    expect((await call(readKey, "getClient", { providerId, clientId })).body).toMatchObject({ name: "API Dentist" });
    // Set up once: a second creation with the same request is refused, and nothing of it is written.
    expect(
      await createClientAction({
        providerId,
        ...request,
        name: "API Dentist Again",
        publicKey: FAKE_PUBLIC_KEY,
        privateKey: FAKE_ENC_2,
        collectionName: FAKE_ENC_2,
        key: FAKE_ENC_2,
        pendingClientId,
      }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect((await call(readKey, "listClients", { providerId, search: "Again" })).body.total).toBe(0);

    const other = await call(writeKey, "createClient", { providerId }, { ...request, name: "API Never" });
    await signInAs(admin.id);
    expect(await discardPendingClientAction({ providerId, pendingClientId: other.body.id })).toMatchObject({
      ok: true,
      name: "API Never",
    });
    expect((await call(readKey, "getPendingClient", { providerId, pendingClientId: other.body.id })).status).toBe(404);

    // A tool cannot bury the Clients page: at most 100 wait at once.
    const db = await getDb();
    await db.insert(providerPendingClients).values(
      Array.from({ length: MAX_WAITING_CLIENTS }, (_, n) => ({
        providerId,
        name: `Waiting ${n}`,
        ownerEmail: `waiting${n}@api.example`,
        planType: "teams_monthly" as const,
        seats: 1,
      })),
    );
    const refused = await call(writeKey, "createClient", { providerId }, { ...request, name: "One Too Many" });
    expect(refused).toMatchObject({
      status: 409,
      body: { error: { message: expect.stringContaining("100 clients") } },
    });
    await db.delete(providerPendingClients).where(eq(providerPendingClients.providerId, providerId));
  });
});
