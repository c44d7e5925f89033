import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadUsage } from "@/app/(portal)/providers/[providerId]/billing/usage/[month]/route";
import { getDb } from "@/db/client";
import { clientUsageDays, organizations, providerOrganizations } from "@/db/schema";
import { requireProviderScope } from "@/lib/authz/scope";
import { listUsageHistory, recordClientUsage } from "@/lib/dal/usage-ledger";
import { isoDay } from "@/lib/events/date-range";
import { run as recordUsageCommand } from "@/scripts/admin/record-usage";
import {
  addTestMember,
  createTestOrganization,
  createTestProvider,
  createTestUser,
  type TestUser,
} from "../support/factories";
import { FAKE_ENC_2 } from "../support/fakes";
import { respond } from "../support/next";
import { signInAs } from "../support/session";
import { addServiceUser, scopeMember } from "../support/technician-scope";

/** Issue 16 part 4: the daily usage ledger, safe to run twice, catching up missed days. */

const TODAY = "2031-03-10";

describe("the usage ledger", () => {
  let admin: TestUser;
  let tech: TestUser;
  let providerId: string;
  let dental: string;
  let law: string;

  async function rowsOf(organizationId: string) {
    const db = await getDb();
    return db
      .select({ day: clientUsageDays.day, assigned: clientUsageDays.seatsAssigned, used: clientUsageDays.seatsUsed })
      .from(clientUsageDays)
      .where(and(eq(clientUsageDays.organizationId, organizationId), eq(clientUsageDays.providerId, providerId)))
      .orderBy(clientUsageDays.day);
  }

  async function record(day: string) {
    const db = await getDb();
    return db.transaction((tx) => recordClientUsage(tx, day));
  }

  async function setSeats(organizationId: string, seats: number) {
    const db = await getDb();
    await db.update(organizations).set({ seats }).where(eq(organizations.id, organizationId));
  }

  beforeAll(async () => {
    admin = await createTestUser({ name: "Ledger Admin" });
    providerId = (await createTestProvider(admin, "Ledger MSP")).id;
    dental = await createTestOrganization("Ledger Dental", await createTestUser(), 10);
    await addTestMember(dental, await createTestUser(), "user");
    law = await createTestOrganization("Ledger Law", await createTestUser(), 4);
    const db = await getDb();
    await db.insert(providerOrganizations).values([
      { providerId, organizationId: dental, key: FAKE_ENC_2 },
      { providerId, organizationId: law, key: FAKE_ENC_2 },
    ]);
    tech = await createTestUser({ name: "Ledger Tech" });
    await scopeMember(providerId, await addServiceUser(providerId, tech), { clients: [law] });
  });

  it("records each client's seats for the day, and a second run that day keeps the highest figures", async () => {
    await record("2031-03-05");
    expect(await rowsOf(dental)).toEqual([{ day: "2031-03-05", assigned: 10, used: 2 }]);
    await setSeats(dental, 12);
    await record("2031-03-05");
    await setSeats(dental, 8);
    await record("2031-03-05");
    expect(await rowsOf(dental)).toEqual([{ day: "2031-03-05", assigned: 12, used: 2 }]);
  });

  it("fills the days no run recorded with the last figures seen, then records today's", async () => {
    const result = await record(TODAY);
    expect(await rowsOf(dental)).toEqual([
      { day: "2031-03-05", assigned: 12, used: 2 },
      ...["06", "07", "08", "09"].map((day) => ({ day: `2031-03-${day}`, assigned: 12, used: 2 })),
      { day: TODAY, assigned: 8, used: 2 },
    ]);
    expect(result.caughtUp).toBeGreaterThanOrEqual(8);
    // Run again: nothing new.
    await record(TODAY);
    expect(await rowsOf(dental)).toHaveLength(6);
  });

  it("sums the days for an admin over every client, and for a scoped technician over theirs", async () => {
    await signInAs(admin.id);
    const all = await listUsageHistory(await requireProviderScope(providerId, "provider.clients.view"), TODAY, 3);
    expect(all).toEqual([
      { day: "2031-03-08", seatsAssigned: 16, seatsUsed: 3 },
      { day: "2031-03-09", seatsAssigned: 16, seatsUsed: 3 },
      { day: TODAY, seatsAssigned: 12, seatsUsed: 3 },
    ]);
    await signInAs(tech.id);
    const theirs = await listUsageHistory(await requireProviderScope(providerId, "provider.clients.view"), TODAY, 3);
    expect(theirs.map((day) => day.seatsAssigned)).toEqual([4, 4, 4]);
  });

  it("downloads a month's usage as CSV per client: days, peak and average assigned, peak used", async () => {
    await signInAs(admin.id);
    const csv = async (month: string) =>
      respond(() =>
        downloadUsage(new Request(`http://localhost/providers/${providerId}/billing/usage/${month}`), {
          params: Promise.resolve({ providerId, month }),
        }),
      );
    const response = await csv("2031-03");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("usage-2031-03.csv");
    // Ledger Dental: 5 days of 12 and one of 8 over March's 31 days; Ledger Law: 6 days of 4.
    expect((await response.text()).trim().split(/\r?\n/)).toEqual([
      "Client,Id,Days recorded,Peak seats assigned,Average seats assigned,Peak seats used",
      `Ledger Dental,${dental},6,12,${Math.round((68 / 31) * 100) / 100},2`,
      `Ledger Law,${law},6,4,${Math.round((24 / 31) * 100) / 100},1`,
    ]);
    expect((await csv("2031-13")).status).toBe(404);
    const stranger = await createTestUser();
    await createTestProvider(stranger, "Stranger MSP");
    await signInAs(stranger.id);
    expect((await csv("2031-03")).status).toBe(404);
  });

  it("keeps a client's history with the provider after it leaves, for the admin only", async () => {
    const db = await getDb();
    await db.delete(providerOrganizations).where(eq(providerOrganizations.organizationId, law));
    await record("2031-03-11");
    expect((await rowsOf(law)).at(-1)!.day).toBe(TODAY);
    await signInAs(admin.id);
    const all = await listUsageHistory(await requireProviderScope(providerId, "provider.clients.view"), TODAY, 1);
    expect(all).toEqual([{ day: TODAY, seatsAssigned: 12, seatsUsed: 3 }]);
    await signInAs(tech.id);
    expect(await listUsageHistory(await requireProviderScope(providerId, "provider.clients.view"), TODAY, 1)).toEqual(
      [],
    );
  });

  it("records today from the operator command, saying how many client days it wrote", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await recordUsageCommand();
      expect(log.mock.calls.map((call) => call.join(" "))).toEqual([
        expect.stringMatching(/^Usage ledger: [1-9]\d* client days recorded today, \d+ missed days filled\.$/),
      ]);
    } finally {
      log.mockRestore();
    }
    expect((await rowsOf(dental)).map((row) => row.day)).toContain(isoDay(new Date()));
  });
});
