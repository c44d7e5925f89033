import { sql } from "drizzle-orm";
import { parse } from "papaparse";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportEvents } from "@/app/(portal)/providers/[providerId]/events/export/route";
import ProviderEventsPage from "@/app/(portal)/providers/[providerId]/events/page";
import { getDb } from "@/db/client";
import { events, providerOrganizations } from "@/db/schema";
import { requireProviderScope } from "@/lib/authz/scope";
import { EXPORT_BATCH, listEvents } from "@/lib/dal/event-log";
import { defaultDateRange, parseDateRange } from "@/lib/events/date-range";
import { type DemoIds, loadDemo } from "../support/demo";
import {
  createTestClient,
  createTestOrganization,
  createTestProvider,
  createTestUser,
  type TestUser,
} from "../support/factories";
import { eventFilter } from "../support/event-log";
import { FAKE_ENC_2 } from "../support/fakes";
import { respond } from "../support/next";
import { signInAs } from "../support/session";
import { addServiceUser, scopeMember } from "../support/technician-scope";

const OCTOBER = { start: "2026-10-01", end: "2026-10-31" };
const IN_OCTOBER = eventFilter(OCTOBER);

function getExport(providerId: string, query: string): Promise<Response> {
  return respond(() =>
    exportEvents(new Request(`http://localhost/providers/${providerId}/events/export?${query}`), {
      params: Promise.resolve({ providerId }),
    }),
  );
}

async function renderPage(providerId: string, query: Record<string, string | string[]>): Promise<string> {
  const element = await ProviderEventsPage({
    params: Promise.resolve({ providerId }),
    searchParams: Promise.resolve(query),
  });
  return renderToStaticMarkup(element);
}

describe("provider event logs", () => {
  let demo: DemoIds;
  let otherAdmin: TestUser;
  let other: { id: string };

  beforeAll(async () => {
    demo = await loadDemo();
    otherAdmin = await createTestUser({ name: "Other Admin" });
    other = await createTestProvider(otherAdmin);
    const db = await getDb();
    await db.insert(events).values([
      // Just outside October on both sides, and on its first and last instants.
      {
        type: "provider_updated",
        providerId: demo.providerId,
        occurredAt: new Date("2026-09-30T23:59:59.999Z"),
        actingUserId: demo.users.admin,
      },
      {
        type: "provider_updated",
        providerId: demo.providerId,
        occurredAt: new Date("2026-10-01T00:00:00Z"),
        actingUserId: demo.users.admin,
        ip: "203.0.113.7",
      },
      {
        type: "provider_organization_updated",
        providerId: demo.providerId,
        organizationId: demo.client1,
        occurredAt: new Date("2026-10-15T12:00:00Z"),
        actingUserId: demo.users.tech,
        ip: "198.51.100.2",
      },
      {
        type: "provider_invoice_created",
        providerId: demo.providerId,
        occurredAt: new Date("2026-10-31T23:59:59.999Z"),
        device: "operator command",
      },
      { type: "provider_enabled", providerId: demo.providerId, occurredAt: new Date("2026-11-01T00:00:00Z") },
      // The other provider's own event, in the same month.
      {
        type: "provider_updated",
        providerId: other.id,
        occurredAt: new Date("2026-10-10T00:00:00Z"),
        actingUserId: otherAdmin.id,
      },
    ]);
  });

  async function demoScope() {
    await signInAs(demo.users.admin);
    return requireProviderScope(demo.providerId, "provider.events.view");
  }

  it("shows the days of the range, both inclusive (UTC), newest first, with member, event, client and IP", async () => {
    const { rows } = await listEvents(await demoScope(), IN_OCTOBER, null);
    expect(rows.map((row) => row.occurredAt.toISOString())).toEqual([
      "2026-10-31T23:59:59.999Z",
      "2026-10-15T12:00:00.000Z",
      "2026-10-01T00:00:00.000Z",
    ]);
    expect(rows[1]).toMatchObject({
      actorEmail: "tech@demo-msp.example",
      organizationName: "My Client's Organization",
      ip: "198.51.100.2",
    });
    const html = await renderPage(demo.providerId, OCTOBER);
    expect(html).toContain("Operator");
    expect(html).toContain("Updated a client&#x27;s name or seats");
    expect(html).toContain("My Client&#x27;s Organization");
    expect(html).toContain("tech@demo-msp.example");
    expect(html).toContain("2026-10-15 12:00:00 UTC");
    // No acting user and no operator command: the system itself.
    expect(await renderPage(demo.providerId, { start: "2026-11-01", end: "2026-11-01" })).toContain(">System<");
  });

  it("keeps each provider to its own events", async () => {
    const octoberRows = async () =>
      (await listEvents(await requireProviderScope(other.id, "provider.events.view"), IN_OCTOBER, null)).rows;
    await signInAs(otherAdmin.id);
    expect((await octoberRows()).map((row) => row.type)).toEqual(["provider_updated"]);
    // Demo MSP's event log, as the other provider's admin: the scope itself is refused.
    await expect(requireProviderScope(demo.providerId, "provider.events.view")).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
    expect((await getExport(demo.providerId, "start=2026-10-01&end=2026-10-31")).status).toBe(404);
    // And the service user, who holds no events permission.
    await signInAs(demo.users.tech);
    expect((await getExport(demo.providerId, "start=2026-10-01&end=2026-10-31")).status).toBe(404);
  });

  it("pages 50 at a time by cursor, older and newer, without gaps or repeats", async () => {
    const admin = await createTestUser();
    const provider = await createTestProvider(admin, "Paging MSP");
    const db = await getDb();
    await db.insert(events).values(
      Array.from({ length: 120 }, (_, index) => ({
        type: "provider_updated",
        providerId: provider.id,
        // Two events share each second: the id orders them.
        occurredAt: new Date(Date.UTC(2026, 9, 5, 0, 0, Math.floor(index / 2))),
      })),
    );
    await signInAs(admin.id);
    const scope = await requireProviderScope(provider.id, "provider.events.view");
    const first = await listEvents(scope, IN_OCTOBER, null);
    const second = await listEvents(scope, IN_OCTOBER, first.older);
    const third = await listEvents(scope, IN_OCTOBER, second.older);
    expect([first, second, third].map((page) => page.rows.length)).toEqual([50, 50, 20]);
    expect([first.newer, third.older]).toEqual([null, null]);
    const ids = [first, second, third].flatMap((page) => page.rows.map((row) => row.id));
    expect(new Set(ids).size).toBe(120);
    const inserted = await db
      .select({ id: events.id })
      .from(events)
      .where(sql`${events.providerId} = ${provider.id}`);
    expect(ids).toEqual(inserted.map((row) => row.id).sort((a, b) => b - a));
    // Back from the last page: the same second page.
    expect((await listEvents(scope, IN_OCTOBER, third.newer)).rows.map((row) => row.id)).toEqual(
      second.rows.map((row) => row.id),
    );

    const html = await renderPage(provider.id, { ...OCTOBER, before: String(first.older!.before) });
    expect(html).toContain("Older events");
    expect(html).toContain("Newer events");
    expect(html).toContain("Newest");
    expect(await renderPage(provider.id, { ...OCTOBER, before: "1" })).toContain("No more events this way.");
  });

  it("rolls up its clients' events, whoever did them, and filters them by client, member and event", async () => {
    const admin = await createTestUser({ name: "Rolf Rollup" });
    const provider = await createTestProvider(admin, "Rollup MSP");
    const owner = await createTestUser({ name: "Dora Dental", email: "dora@dental.example" });
    const dental = await createTestOrganization("Bright Dental", owner, 2);
    const law = await createTestOrganization("Lake Law", owner, 2);
    const outsider = await createTestOrganization("Not A Client", owner, 2);
    const db = await getDb();
    await db.insert(providerOrganizations).values([
      { providerId: provider.id, organizationId: dental, key: FAKE_ENC_2 },
      { providerId: provider.id, organizationId: law, key: FAKE_ENC_2 },
    ]);
    const at = (day: number) => new Date(Date.UTC(2026, 9, day));
    await db.insert(events).values([
      { type: "collection_created", organizationId: dental, actingUserId: owner.id, occurredAt: at(3) },
      { type: "user_login_failed", organizationId: law, actingUserId: owner.id, occurredAt: at(4) },
      {
        type: "group_created",
        organizationId: law,
        providerId: provider.id,
        actingUserId: admin.id,
        occurredAt: at(5),
      },
      { type: "provider_updated", providerId: provider.id, actingUserId: admin.id, occurredAt: at(6) },
      { type: "collection_created", organizationId: outsider, actingUserId: owner.id, occurredAt: at(7) },
    ]);
    // A client member's and a provider member's account events (no organization) are in the log too; a stranger's
    // is not.
    const stranger = await createTestUser({ name: "Sam Stranger" });
    await db.insert(events).values([
      { type: "user_login_failed_two_factor", actingUserId: owner.id, occurredAt: new Date() },
      { type: "user_login_failed_two_factor", actingUserId: admin.id, occurredAt: new Date() },
      { type: "user_login_failed_two_factor", actingUserId: stranger.id, occurredAt: new Date() },
    ]);
    await signInAs(admin.id);
    const scope = await requireProviderScope(provider.id, "provider.events.view");
    const types = async (query: Record<string, string>) =>
      (await listEvents(scope, eventFilter({ ...OCTOBER, ...query }), null)).rows.map((row) => row.type);
    expect(await types({})).toEqual(["provider_updated", "group_created", "user_login_failed", "collection_created"]);
    expect(await types({ client: "dental" })).toEqual(["collection_created"]);
    expect(await types({ client: "law", member: "DORA@" })).toEqual(["user_login_failed"]);
    expect(await types({ member: "Rolf" })).toEqual(["provider_updated", "group_created"]);
    expect(await types({ type: "user_login_failed" })).toEqual(["user_login_failed"]);
    // "%" is a character, not a pattern; an unknown event type is no filter.
    expect(await types({ client: "%" })).toEqual([]);
    expect(await types({ type: "drop table" })).toHaveLength(4);

    const today = new Date().toISOString().slice(0, 10);
    expect(
      (
        await listEvents(scope, eventFilter({ start: today, end: today, type: "user_login_failed_two_factor" }), null)
      ).rows
        .map((row) => row.actorEmail)
        .sort(),
    ).toEqual([admin.email, "dora@dental.example"].sort());
    // A client that leaves takes its own events along; what the provider's members did there stays in its log.
    await db.delete(providerOrganizations).where(sql`${providerOrganizations.organizationId} = ${law}`);
    expect(await types({})).toEqual(["provider_updated", "group_created", "collection_created"]);

    const html = await renderPage(provider.id, { ...OCTOBER, client: "Dental" });
    expect(html).toContain('value="Dental"');
    expect(html).toContain("Bright Dental");
    expect(html).not.toContain("Lake Law");
    const csv = await getExport(provider.id, "start=2026-10-01&end=2026-10-31&member=dora");
    expect(
      parse<string[]>(await csv.text(), { skipEmptyLines: true })
        .data.slice(1)
        .map((row) => row[3]),
    ).toEqual(["Bright Dental"]);
  });

  it("shows a scoped technician (the dashboard's security list) only the clients they reach, former ones not at all", async () => {
    const admin = await createTestUser({ name: "Sana Scope" });
    const provider = await createTestProvider(admin, "Scope MSP");
    const reached = await createTestClient(provider.id, "Reached Dental", 2);
    const other = await createTestClient(provider.id, "Other Law", 2);
    const former = await createTestOrganization("Former Farm", await createTestUser({ name: "Oren Owner" }), 2);
    const db = await getDb();
    const tech = await createTestUser({ name: "Tia Tech" });
    const techMember = await addServiceUser(provider.id, tech);
    await scopeMember(provider.id, techMember, { clients: [reached] });
    const at = (day: number) => new Date(Date.UTC(2026, 9, day));
    // What the provider's admin did in each client (rows with both ids), and the provider's own change.
    await db.insert(events).values(
      [reached, other, former].map((organizationId, index) => ({
        type: "organization_user_revoked_for_two_factor" as const,
        organizationId,
        providerId: provider.id,
        actingUserId: admin.id,
        occurredAt: at(3 + index),
      })),
    );
    await db
      .insert(events)
      .values({ type: "provider_updated", providerId: provider.id, actingUserId: admin.id, occurredAt: at(9) });
    const clientsOf = async (userId: string, permission: "provider.clients.view" | "provider.events.view") => {
      await signInAs(userId);
      const scope = await requireProviderScope(provider.id, permission);
      const rows = (await listEvents(scope, IN_OCTOBER, null)).rows;
      return rows.map((row) => row.organizationName ?? row.type);
    };
    expect(await clientsOf(tech.id, "provider.clients.view")).toEqual(["provider_updated", "Reached Dental"]);
    // Admins keep the whole history, their members' work in former clients too.
    expect(await clientsOf(admin.id, "provider.events.view")).toEqual([
      "provider_updated",
      "Former Farm",
      "Other Law",
      "Reached Dental",
    ]);
  });

  it("exports the range as CSV with the table's columns", async () => {
    await signInAs(demo.users.admin);
    const response = await getExport(demo.providerId, "start=2026-10-01&end=2026-10-31");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="keyhouse-provider-events-2026-10-01-to-2026-10-31.csv"',
    );
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe("Timestamp,Member,Event,Client,IP");
    expect(parse<string[]>(text, { skipEmptyLines: true }).data.slice(1)).toEqual([
      ["2026-10-31T23:59:59.999Z", "Operator", "Closed a billing period and wrote an invoice", "", ""],
      [
        "2026-10-15T12:00:00.000Z",
        "Toni Tech (tech@demo-msp.example)",
        "Updated a client's name or seats",
        "My Client's Organization",
        "198.51.100.2",
      ],
      [
        "2026-10-01T00:00:00.000Z",
        "Dana Admin (admin@demo-msp.example)",
        "Updated provider settings",
        "",
        "203.0.113.7",
      ],
    ]);
  });

  it("streams an export of any size, every event once, newest first", async () => {
    const admin = await createTestUser();
    const provider = await createTestProvider(admin, "Loud MSP");
    const db = await getDb();
    const total = EXPORT_BATCH * 2 + 5;
    await db.execute(sql`insert into events (type, provider_id, occurred_at)
      select 'provider_updated', ${provider.id}::uuid, timestamptz '2026-10-20 00:00:00+00' + g * interval '1 second'
      from generate_series(1, ${total}) as g`);
    await signInAs(admin.id);
    const response = await getExport(provider.id, "start=2026-10-01&end=2026-10-31");
    const rows = parse<string[]>(await response.text(), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1 + total);
    const times = rows.slice(1).map((row) => Date.parse(row[0]!));
    expect(new Set(times).size).toBe(total);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(rows[1]?.[0]).toBe(new Date(Date.UTC(2026, 9, 20) + total * 1000).toISOString());
  });

  it("falls back to the last 30 days with a clear message for dates it cannot use, and never fails", async () => {
    const now = new Date("2026-11-25T10:00:00Z");
    const fallback = { start: "2026-10-27", end: "2026-11-25" };
    expect(defaultDateRange(now)).toEqual(fallback);
    expect(parseDateRange({}, now)).toEqual({ ok: true, range: fallback });
    expect(parseDateRange({ start: "2026-11-01" }, now)).toEqual({
      ok: true,
      range: { start: "2026-11-01", end: "2026-11-25" },
    });
    for (const bad of [
      { start: "2026-02-30" },
      { end: "yesterday" },
      { start: "0000-01-01" },
      { start: ["2026-10-01", "2026-10-02"] },
      { end: "99999-01-01" },
    ]) {
      expect(parseDateRange(bad, now)).toEqual({
        ok: false,
        range: fallback,
        error: "Dates must be real calendar dates written as YYYY-MM-DD (years 1970 to 2999).",
      });
    }
    expect(parseDateRange({ start: "2026-11-10", end: "2026-11-01" }, now)).toEqual({
      ok: false,
      range: fallback,
      error: "The start date must be on or before the end date.",
    });

    await signInAs(demo.users.admin);
    const html = await renderPage(demo.providerId, { start: "2026-13-45", end: "nope" });
    expect(html).toContain(
      "Dates must be real calendar dates written as YYYY-MM-DD (years 1970 to 2999). Showing the last 30 days instead.",
    );
    expect(html).toContain(`value="${defaultDateRange(new Date()).start}"`);
    const download = await getExport(demo.providerId, "start=2026-10-31&end=2026-10-01");
    expect(download.status).toBe(400);
    expect(await download.text()).toBe("The start date must be on or before the end date.");
  });
});
