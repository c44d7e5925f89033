import { count, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { events, mailOutbox, organizations, providerRequests, providers, providerUsers, users } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { appUrl } from "@/lib/server/config";
import { ALREADY_DECIDED } from "@/lib/dal/provider-requests";
import { run as approve } from "@/scripts/admin/approve-provider-request";
import { run as list } from "@/scripts/admin/list-provider-requests";
import { run as reject } from "@/scripts/admin/reject-provider-request";
import { failureMessage, UsageError } from "@/scripts/admin/usage";
import { databaseSnapshot } from "../support/db-scan";
import { FAKE_ENC_2, FAKE_MASTER_PASSWORD_HASH, FAKE_PUBLIC_KEY } from "../support/fakes";
import { createTestOrganization, createTestUser } from "../support/factories";

/** What a command printed with console.log, one string per call. */
async function printed(command: () => Promise<void>): Promise<string[]> {
  const spy = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await command();
    return spy.mock.calls.map((call) => call.join(" "));
  } finally {
    spy.mockRestore();
  }
}

/** The error a command threw (null if none) and what it printed before. */
async function failureOf(command: () => Promise<void>): Promise<{ error: unknown; lines: string[] }> {
  let error: unknown = null;
  const lines = await printed(() => command().catch((thrown: unknown) => void (error = thrown)));
  return { error, lines };
}

type Requested = { requestId: string; requesterId: string; email: string; organizationId: string };

/** A pending request from the confirmed owner of an Enterprise organization that is nobody's client. */
async function pendingRequest(
  businessName: string,
  options: { type?: "msp" | "reseller"; firstClientName?: string; createdAt?: Date; name?: string } = {},
): Promise<Requested> {
  const requester = await createTestUser({ name: options.name ?? "Requester" });
  const organizationId = await createTestOrganization(`${businessName} Internal`, requester);
  const db = await getDb();
  const [row] = await db
    .insert(providerRequests)
    .values({
      requesterId: requester.id,
      businessName,
      type: options.type ?? "msp",
      billingEmail: `billing@${businessName.toLowerCase().replace(/\W+/g, "-")}.example`,
      internalOrganizationId: organizationId,
      firstClientName: options.firstClientName ?? null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    })
    .returning({ id: providerRequests.id });
  return { requestId: row!.id, requesterId: requester.id, email: requester.email, organizationId };
}

async function requestRow(requestId: string) {
  const db = await getDb();
  const [row] = await db.select().from(providerRequests).where(eq(providerRequests.id, requestId));
  return row!;
}

async function mailTo(email: string) {
  const db = await getDb();
  return db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
}

async function eventsOfType(type: string) {
  const db = await getDb();
  return db.select().from(events).where(eq(events.type, type));
}

describe("operator commands: provider requests", () => {
  let acme: Requested;
  let resale: Requested;

  beforeAll(() => {
    // The commands report how the mail went; these tests run without SMTP, so it is logged.
    vi.stubEnv("SMTP_URL", "");
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("says so when no request is waiting", async () => {
    expect(await printed(() => list([]))).toEqual(["No provider requests are waiting."]);
  });

  it("lists the pending requests oldest first, with what the operator decides on", async () => {
    resale = await pendingRequest("Resale Co", {
      type: "reseller",
      createdAt: new Date("2025-03-02T10:00:00Z"),
      name: "Rita Reseller",
    });
    acme = await pendingRequest("Acme MSP", {
      firstClientName: "Bakery Ltd",
      createdAt: new Date("2025-03-01T09:30:00Z"),
      name: "Ada Acme",
    });
    const decided = await pendingRequest("Decided Co");
    const db = await getDb();
    await db
      .update(providerRequests)
      .set({ status: "withdrawn", decidedAt: new Date() })
      .where(eq(providerRequests.id, decided.requestId));

    const lines = await printed(() => list([]));
    expect(lines.join("\n")).toBe(
      [
        "2 provider requests are waiting, oldest first:",
        "",
        `${acme.requestId}  "Acme MSP" (MSP)`,
        "  Billing email:         billing@acme-msp.example",
        `  Requested by:          Ada Acme <${acme.email}>`,
        "  Internal organization: Acme MSP Internal (Enterprise)",
        "  First client:          Bakery Ltd",
        "  Submitted:             2025-03-01T09:30:00.000Z",
        "",
        `${resale.requestId}  "Resale Co" (Reseller)`,
        "  Billing email:         billing@resale-co.example",
        `  Requested by:          Rita Reseller <${resale.email}>`,
        "  Internal organization: Resale Co Internal (Enterprise)",
        "  Submitted:             2025-03-02T10:00:00.000Z",
      ].join("\n"),
    );
  });

  it("approves a request: the provider, its first admin without a key yet, the event and the requester's mail", async () => {
    const lines = await printed(() => approve(["--id", acme.requestId]));

    const db = await getDb();
    const [provider] = await db.select().from(providers).where(eq(providers.businessName, "Acme MSP"));
    expect(provider).toMatchObject({
      name: "Acme MSP",
      billingEmail: "billing@acme-msp.example",
      type: "msp",
      status: "created",
      internalOrganizationId: acme.organizationId,
    });
    expect(lines).toEqual([
      `Approved "Acme MSP": provider ${provider!.id} created; ${acme.email} is its first admin.\n` +
        `No SMTP_URL is set: the approval mail for ${acme.email} is in /dev/mailbox.\n` +
        `Provider Portal: ${appUrl(`/providers/${provider!.id}`)}`,
    ]);

    const admins = await db.select().from(providerUsers).where(eq(providerUsers.providerId, provider!.id));
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({
      userId: acme.requesterId,
      email: acme.email,
      type: "provider_admin",
      status: "confirmed",
      key: null,
    });

    const request = await requestRow(acme.requestId);
    expect(request).toMatchObject({ status: "approved", providerId: provider!.id, reason: null });
    expect(request.decidedAt).toBeInstanceOf(Date);

    expect(await eventsOfType("provider_request_approved")).toMatchObject([
      {
        actingUserId: null,
        device: "operator command",
        providerId: provider!.id,
        organizationId: acme.organizationId,
        userId: acme.requesterId,
        providerUserId: admins[0]!.id,
        details: { requestId: acme.requestId, businessName: "Acme MSP", type: "msp" },
      },
    ]);

    const mails = await mailTo(acme.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: "Acme MSP is now a provider on Keyhouse", status: "logged" });
    expect(mails[0]!.text).toContain(appUrl(`/providers/${provider!.id}`));

    // The approved request has left the list.
    expect((await printed(() => list([]))).join("\n")).not.toContain(acme.requestId);
  });

  it("refuses to approve a request again, with the already-decided message, and changes nothing", async () => {
    const before = await databaseSnapshot();
    const { error, lines } = await failureOf(() => approve(["--id", acme.requestId]));
    expect(error).toBeInstanceOf(ActionError);
    // scripts/admin.ts prints "Failed: " and this, and exits with 1.
    expect(failureMessage(error)).toBe(ALREADY_DECIDED);
    expect(lines).toEqual([]);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses to approve a request whose organization is no longer eligible, and changes nothing", async () => {
    const downgraded = await pendingRequest("Downgraded MSP");
    const db = await getDb();
    await db
      .update(organizations)
      .set({ planType: "teams_monthly" })
      .where(eq(organizations.id, downgraded.organizationId));
    const before = await databaseSnapshot();

    const { error, lines } = await failureOf(() => approve(["--id", downgraded.requestId]));
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toBe(
      "Downgraded MSP Internal is on the Teams plan. It needs the Enterprise plan.",
    );
    expect(lines).toEqual([]);
    expect(await databaseSnapshot()).toEqual(before);
    expect(await requestRow(downgraded.requestId)).toMatchObject({ status: "pending", providerId: null });
  });

  it("rejects a request with the reason: stored, recorded and mailed to the requester", async () => {
    const reason = "We only onboard managed service providers for now.";
    const lines = await printed(() => reject(["--id", resale.requestId, "--reason", `  ${reason} `]));
    expect(lines).toEqual([
      `Rejected "Resale Co".\nNo SMTP_URL is set: the mail with the reason for ${resale.email} is in /dev/mailbox.`,
    ]);

    const request = await requestRow(resale.requestId);
    expect(request).toMatchObject({ status: "rejected", reason, providerId: null });
    expect(request.decidedAt).toBeInstanceOf(Date);

    const db = await getDb();
    expect(
      await db.select({ id: providers.id }).from(providers).where(eq(providers.businessName, "Resale Co")),
    ).toEqual([]);
    expect(await eventsOfType("provider_request_rejected")).toMatchObject([
      {
        actingUserId: null,
        device: "operator command",
        organizationId: resale.organizationId,
        userId: resale.requesterId,
        details: { requestId: resale.requestId, businessName: "Resale Co", reason },
      },
    ]);

    const mails = await mailTo(resale.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: "Your request to make Resale Co a provider", status: "logged" });
    expect(mails[0]!.text).toContain(reason);

    const again = await failureOf(() => reject(["--id", resale.requestId, "--reason", "Again."]));
    expect(again.error).toBeInstanceOf(ActionError);
    expect((again.error as Error).message).toBe(ALREADY_DECIDED);
  });

  it.each([
    ["a missing --reason", () => reject(["--id", resale.requestId]), "--reason: Say why, for the requester."],
    [
      "a blank --reason",
      () => reject(["--id", resale.requestId, "--reason", "   "]),
      "--reason: Say why, for the requester.",
    ],
    [
      "an overlong --reason",
      () => reject(["--id", resale.requestId, "--reason", "x".repeat(501)]),
      "--reason: The reason must be at most 500 characters.",
    ],
    ["a missing --id to reject", () => reject(["--reason", "No."]), "--id: Not a valid id."],
    ["a missing --id to approve", () => approve([]), "--id: Not a valid id."],
    ["an --id that is no uuid", () => approve(["--id", "1 or 1=1"]), "--id: Not a valid id."],
  ])("refuses %s as a usage error and changes nothing", async (_case, attempt, message) => {
    const before = await databaseSnapshot();
    const { error, lines } = await failureOf(attempt);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(message);
    expect(lines).toEqual([]);
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("reports a database error by the driver's message, without the query or its parameters", async () => {
    const db = await getDb();
    // A second pending request for the requester of the one still waiting ("Downgraded MSP").
    const [waiting] = await db.select().from(providerRequests).where(eq(providerRequests.status, "pending"));
    const error = await db
      .insert(providerRequests)
      .values({ ...waiting!, id: undefined, businessName: "Secret Business Name" })
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect((error as Error).message).toContain("Secret Business Name");
    const message = failureMessage(error);
    expect(message).toMatch(/provider_requests_one_pending_per_(requester|organization)/);
    expect(message).not.toMatch(/insert into|params|Secret Business Name/i);
  });

  it("shows the oldest 50 and says how many are waiting in all", async () => {
    const db = await getDb();
    const [pending] = await db
      .select({ n: count() })
      .from(providerRequests)
      .where(eq(providerRequests.status, "pending"));
    // "Downgraded MSP" is still waiting.
    expect(pending!.n).toBe(1);

    const many = Array.from({ length: 51 }, (_, i) => i);
    const requesters = await db
      .insert(users)
      .values(
        many.map((i) => ({
          email: `requester-${i}@many.example`,
          name: `Requester ${i}`,
          kdfIterations: 100_000,
          masterPasswordHash: FAKE_MASTER_PASSWORD_HASH,
          key: FAKE_ENC_2,
          publicKey: FAKE_PUBLIC_KEY,
          privateKey: FAKE_ENC_2,
          emailVerified: true,
        })),
      )
      .returning({ id: users.id });
    const owned = await db
      .insert(organizations)
      .values(
        many.map((i) => ({
          name: `Many ${i}`,
          billingEmail: `requester-${i}@many.example`,
          planType: "enterprise_monthly" as const,
          seats: 10,
          publicKey: FAKE_PUBLIC_KEY,
          privateKey: FAKE_ENC_2,
        })),
      )
      .returning({ id: organizations.id });
    await db.insert(providerRequests).values(
      many.map((i) => ({
        requesterId: requesters[i]!.id,
        businessName: `Many ${i}`,
        type: "msp" as const,
        billingEmail: `requester-${i}@many.example`,
        internalOrganizationId: owned[i]!.id,
        createdAt: new Date(Date.UTC(2020, 0, 1, 0, i)),
      })),
    );

    const lines = await printed(() => list([]));
    expect(lines[0]).toBe("52 provider requests are waiting, oldest first:");
    const shown = lines.filter((line) => /^[0-9a-f-]{36} {2}"/.test(line));
    expect(shown).toHaveLength(50);
    expect(shown[0]).toContain('"Many 0"');
    expect(shown[49]).toContain('"Many 49"');
    expect(lines.at(-1)).toBe("\nShowing the oldest 50 of 52.");
  });
});
