import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { parse } from "papaparse";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportEvents } from "@/app/(console)/organizations/[organizationId]/events/export/route";
import OrganizationEventsPage from "@/app/(console)/organizations/[organizationId]/events/page";
import { updateOrganizationSettingsAction } from "@/app/(console)/organizations/[organizationId]/settings/info/actions";
import { getDb } from "@/db/client";
import { events, organizationUsers } from "@/db/schema";
import { requireOrgScope } from "@/lib/authz/scope";
import { listEvents } from "@/lib/dal/event-log";
import { defaultDateRange } from "@/lib/events/date-range";
import { type DemoIds, loadDemo } from "../support/demo";
import { eventFilter } from "../support/event-log";
import { respond } from "../support/next";
import { countQueries } from "../support/queries";
import { signInAs } from "../support/session";

const OCTOBER = { start: "2026-10-01", end: "2026-10-31" };

function getExport(organizationId: string, query: string): Promise<Response> {
  return respond(() =>
    exportEvents(new Request(`http://localhost/organizations/${organizationId}/events/export?${query}`), {
      params: Promise.resolve({ organizationId }),
    }),
  );
}

async function renderPage(organizationId: string, query: Record<string, string>): Promise<string> {
  const element = await OrganizationEventsPage({
    params: Promise.resolve({ organizationId }),
    searchParams: Promise.resolve(query),
  });
  return renderToStaticMarkup(element);
}

async function csvRows(response: Response): Promise<string[][]> {
  return parse<string[]>(await response.text(), { skipEmptyLines: true }).data;
}

describe("organization event logs", () => {
  let demo: DemoIds;

  beforeAll(async () => {
    demo = await loadDemo();
    const db = await getDb();
    await db.insert(events).values([
      // Just outside October on both sides, and on its first and last instants.
      {
        type: "organization_updated",
        organizationId: demo.client1,
        occurredAt: new Date("2026-09-30T23:59:59.999Z"),
        actingUserId: demo.users.owner1,
      },
      {
        type: "organization_updated",
        organizationId: demo.client1,
        occurredAt: new Date("2026-10-01T00:00:00Z"),
        actingUserId: demo.users.owner1,
        ip: "203.0.113.7",
      },
      // Provider members at work in the client: the rows carry the provider's id too.
      {
        type: "organization_user_invited",
        organizationId: demo.client1,
        providerId: demo.providerId,
        occurredAt: new Date("2026-10-15T12:00:00Z"),
        actingUserId: demo.users.admin,
        ip: "198.51.100.2",
      },
      {
        type: "group_created",
        organizationId: demo.client1,
        providerId: demo.providerId,
        occurredAt: new Date("2026-10-31T23:59:59.999Z"),
        actingUserId: demo.users.tech,
      },
      { type: "organization_updated", organizationId: demo.client1, occurredAt: new Date("2026-11-01T00:00:00Z") },
      // Another client's event and the provider's own, in the same month: neither is client 1's.
      {
        type: "organization_updated",
        organizationId: demo.client2,
        occurredAt: new Date("2026-10-10T00:00:00Z"),
        actingUserId: demo.users.owner2,
      },
      {
        type: "provider_updated",
        providerId: demo.providerId,
        occurredAt: new Date("2026-10-11T00:00:00Z"),
        actingUserId: demo.users.admin,
      },
    ]);
  });

  it("shows the organization's events of the range, newest first, naming the provider its members acted for", async () => {
    await signInAs(demo.users.owner1);
    const { rows } = await listEvents(
      await requireOrgScope(demo.client1, "org.events.view"),
      eventFilter(OCTOBER),
      null,
    );
    expect(rows.map((row) => [row.occurredAt.toISOString(), row.type])).toEqual([
      ["2026-10-31T23:59:59.999Z", "group_created"],
      ["2026-10-15T12:00:00.000Z", "organization_user_invited"],
      ["2026-10-01T00:00:00.000Z", "organization_updated"],
    ]);
    expect(rows[1]).toMatchObject({
      actorEmail: "admin@demo-msp.example",
      providerName: "Demo MSP",
      ip: "198.51.100.2",
    });

    const html = await renderPage(demo.client1, OCTOBER);
    expect(html).toContain("Invited a member");
    expect(html).toContain('admin@demo-msp.example · <span class="sr-only">acting for </span>Demo MSP');
    expect(html).toContain("Toni Tech");
    expect(html).toContain("2026-10-15 12:00:00 UTC");
    // The owner acted as a member: no provider is named for them.
    expect(html).toMatch(/owner@client1\.example<\/div>/);
    // Every row is this organization, so there is no Client column.
    expect(html).not.toContain(">Client<");
  });

  it("never shows another organization's events, and is closed to those without the events permission", async () => {
    await signInAs(demo.users.owner2);
    const second = await listEvents(await requireOrgScope(demo.client2, "org.events.view"), eventFilter(OCTOBER), null);
    expect(second.rows.map((row) => [row.type, row.actorEmail])).toEqual([
      ["organization_updated", "owner@client2.example"],
    ]);
    // Client 1's log as client 2's owner: the scope itself is refused, and so is the download.
    await expect(requireOrgScope(demo.client1, "org.events.view")).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
    expect((await getExport(demo.client1, "start=2026-10-01&end=2026-10-31")).status).toBe(404);
    // A plain member of client 1 has no console, so no event log.
    await signInAs(demo.users.user1);
    expect((await getExport(demo.client1, "start=2026-10-01&end=2026-10-31")).status).toBe(404);
    // The managing provider's service user reads it like an owner.
    await signInAs(demo.users.tech);
    expect((await getExport(demo.client1, "start=2026-10-01&end=2026-10-31")).status).toBe(200);
  });

  it("names the provider on what its members really did, and not on what its admin did as a plain owner", async () => {
    const today = defaultDateRange(new Date());
    // Dana Admin changes client 2 as Demo MSP, and her own internal organization as its owner.
    await signInAs(demo.users.admin);
    expect(
      await updateOrganizationSettingsAction({
        organizationId: demo.client2,
        name: "Second Client's Organization",
        billingEmail: "billing@client2.example",
      }),
    ).toEqual({ ok: true });
    expect(
      await updateOrganizationSettingsAction({
        organizationId: demo.internal,
        name: "Demo MSP Internal",
        billingEmail: "it@demo-msp.example",
      }),
    ).toEqual({ ok: true });
    const query = `start=${today.start}&end=${today.end}`;
    expect((await csvRows(await getExport(demo.client2, query))).slice(1).map((row) => row.slice(1, 3))).toEqual([
      ["Dana Admin (admin@demo-msp.example) · Demo MSP", "Updated organization settings"],
    ]);
    expect((await csvRows(await getExport(demo.internal, query))).slice(1).map((row) => row.slice(1, 3))).toEqual([
      ["Dana Admin (admin@demo-msp.example)", "Updated organization settings"],
    ]);
  });

  it("shows its members' account events from when they joined, as Bitwarden's log does, and nobody else's", async () => {
    const db = await getDb();
    const [joined] = await db
      .select({ at: organizationUsers.createdAt })
      .from(organizationUsers)
      .where(and(eq(organizationUsers.organizationId, demo.client1), eq(organizationUsers.userId, demo.users.user1)));
    const after = new Date(joined!.at.getTime() + 60_000);
    const before = new Date(joined!.at.getTime() - 60_000);
    await db.insert(events).values([
      { type: "user_login_failed", actingUserId: demo.users.user1, occurredAt: after, ip: "192.0.2.9" },
      { type: "user_logged_in", actingUserId: demo.users.user1, occurredAt: before },
      // Client 2's owner is no member of client 1; the provider's admin is none either.
      { type: "user_login_failed", actingUserId: demo.users.owner2, occurredAt: after },
      { type: "user_login_failed", actingUserId: demo.users.tech, occurredAt: after },
    ]);
    await signInAs(demo.users.owner1);
    const range = { start: before.toISOString().slice(0, 10), end: after.toISOString().slice(0, 10) };
    const accountEvents = async (organizationId: string) =>
      (await listEvents(await requireOrgScope(organizationId, "org.events.view"), eventFilter(range), null)).rows
        .filter((row) => row.organizationId === null)
        .map((row) => [row.type, row.actorEmail]);
    expect(await accountEvents(demo.client1)).toEqual([["user_login_failed", "user@client1.example"]]);
    await signInAs(demo.users.owner2);
    expect(await accountEvents(demo.client2)).toEqual([["user_login_failed", "owner@client2.example"]]);
  });

  it("pages 50 at a time by cursor without gaps or repeats", async () => {
    const db = await getDb();
    await db.insert(events).values(
      Array.from({ length: 120 }, (_, index) => ({
        type: "collection_updated",
        organizationId: demo.client3,
        actingUserId: demo.users.owner3,
        occurredAt: new Date(Date.UTC(2026, 9, 5, 0, 0, index)),
      })),
    );
    await signInAs(demo.users.owner3);
    const scope = await requireOrgScope(demo.client3, "org.events.view");
    const filter = eventFilter(OCTOBER);
    const first = await listEvents(scope, filter, null);
    const second = await listEvents(scope, filter, first.older);
    const third = await listEvents(scope, filter, second.older);
    expect([first, second, third].map((page) => page.rows.length)).toEqual([50, 50, 20]);
    expect(third.older).toBeNull();
    const seconds = [first, second, third].flatMap((page) =>
      page.rows.map((row) => row.occurredAt.getUTCSeconds() + row.occurredAt.getUTCMinutes() * 60),
    );
    expect(seconds).toEqual(Array.from({ length: 120 }, (_, index) => 119 - index));
    const html = await renderPage(demo.client3, { ...OCTOBER, before: String(first.older!.before) });
    expect(html).toContain("Older events");
    expect(html).toContain("Newer events");
  });

  it("exports the range as CSV with the table's columns", async () => {
    await signInAs(demo.users.owner1);
    const response = await getExport(demo.client1, "start=2026-10-01&end=2026-10-31");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="keyhouse-organization-events-2026-10-01-to-2026-10-31.csv"',
    );
    const text = await response.text();
    expect(text.split("\r\n")[0]).toBe("Timestamp,Member,Event,IP");
    expect(parse<string[]>(text, { skipEmptyLines: true }).data.slice(1)).toEqual([
      ["2026-10-31T23:59:59.999Z", "Toni Tech (tech@demo-msp.example) · Demo MSP", "Created a group", ""],
      [
        "2026-10-15T12:00:00.000Z",
        "Dana Admin (admin@demo-msp.example) · Demo MSP",
        "Invited a member",
        "198.51.100.2",
      ],
      [
        "2026-10-01T00:00:00.000Z",
        "Olive Owner (owner@client1.example)",
        "Updated organization settings",
        "203.0.113.7",
      ],
    ]);
  });

  it("shows who is gone as gone: a deleted account, a deleted provider, the system", async () => {
    const db = await getDb();
    await db.insert(events).values([
      {
        type: "collection_deleted",
        organizationId: demo.client1,
        providerId: randomUUID(),
        actingUserId: randomUUID(),
        occurredAt: new Date("2026-12-02T00:00:00Z"),
      },
      { type: "organization_updated", organizationId: demo.client1, occurredAt: new Date("2026-12-01T00:00:00Z") },
    ]);
    await signInAs(demo.users.owner1);
    const rows = await csvRows(await getExport(demo.client1, "start=2026-12-01&end=2026-12-02"));
    expect(rows.slice(1).map((row) => row[1])).toEqual(["Deleted account · Deleted provider", "System"]);
  });

  it("reads a page with as many queries for 60 events as for 3", async () => {
    await signInAs(demo.users.admin);
    const scope = await requireOrgScope(demo.internal, "org.events.view");
    const range = { start: "2027-01-01", end: "2027-01-31" };
    const db = await getDb();
    const addEvents = (n: number) =>
      db.insert(events).values(
        Array.from({ length: n }, (_, index) => ({
          type: "group_updated",
          organizationId: demo.internal,
          providerId: index % 3 ? null : demo.providerId,
          actingUserId: index % 2 ? demo.users.admin : demo.users.tech,
          occurredAt: new Date(Date.UTC(2027, 0, 1 + (index % 28))),
        })),
      );
    await addEvents(3);
    const filter = eventFilter(range);
    const few = await countQueries(() => listEvents(scope, filter, null));
    await addEvents(57);
    const many = await countQueries(() => listEvents(scope, filter, null));
    const page = await listEvents(scope, filter, null);
    const deeper = await countQueries(() => listEvents(scope, filter, page.older));
    expect(few).toBe(1);
    expect(many).toBe(few);
    expect(deeper).toBe(few);
    expect(page.rows).toHaveLength(50);
  });

  it("says which dates it could not use, and refuses to download them", async () => {
    await signInAs(demo.users.owner1);
    const html = await renderPage(demo.client1, { start: "2026-02-30" });
    expect(html).toContain(
      "Dates must be real calendar dates written as YYYY-MM-DD (years 1970 to 2999). Showing the last 30 days instead.",
    );
    const download = await getExport(demo.client1, "start=2026-10-31&end=2026-10-01");
    expect(download.status).toBe(400);
    expect(await download.text()).toBe("The start date must be on or before the end date.");
  });
});
