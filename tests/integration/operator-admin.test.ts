import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createProvider, setProviderEnabled, updateProviderPlans } from "@/app/admin/actions";
import { getDb, observeQueries } from "@/db/client";
import { events, mailOutbox, organizations, providerPlans, providers } from "@/db/schema";
import { requireOperatorScope, requireOrgScope } from "@/lib/authz/scope";
import { listProvidersForOperator } from "@/lib/dal/operator";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { createTestUser, type TestUser } from "../support/factories";
import { signInAs } from "../support/session";

const NO_SUCH_PROVIDER = "This provider does not exist. Reload the page to see the current list.";
const MISSING_ID = "00000000-0000-4000-8000-000000000000";

describe("operator pages: providers", () => {
  let demo: DemoIds;
  let operator: TestUser;

  beforeAll(async () => {
    demo = await loadDemo();
    // vitest.config.ts puts this address in ADMIN_EMAILS.
    operator = await createTestUser({ name: "Operator", email: "operator@keyhouse.test" });
  });

  const asOperator = () => signInAs(operator.id);

  const plansOf = async (providerId: string) => {
    const db = await getDb();
    const rows = await db.select().from(providerPlans).where(eq(providerPlans.providerId, providerId));
    return Object.fromEntries(
      rows.map((plan) => [
        plan.planType,
        { minimum: plan.seatMinimum, allocated: plan.allocatedSeats, purchased: plan.purchasedSeats },
      ]),
    );
  };

  const eventsOf = async (providerId: string, type: string) => {
    const db = await getDb();
    return db
      .select()
      .from(events)
      .where(and(eq(events.providerId, providerId), eq(events.type, type)));
  };

  it("creates a pending provider with its plans, an event naming the operator and the owner's setup mail", async () => {
    await asOperator();
    const result = await createProvider({
      name: "Acme MSP",
      ownerEmail: " Owner@Acme.Example ",
      teamsMinimum: 5,
      enterpriseMinimum: 20,
    });
    expect(result).toMatchObject({ ok: true, name: "Acme MSP", ownerEmail: "owner@acme.example" });
    if (!result.ok) return;

    const db = await getDb();
    const [provider] = await db.select().from(providers).where(eq(providers.id, result.providerId));
    expect(provider).toMatchObject({ name: "Acme MSP", status: "pending", enabled: true });
    expect(await plansOf(result.providerId)).toEqual({
      teams_monthly: { minimum: 5, allocated: 0, purchased: 0 },
      enterprise_monthly: { minimum: 20, allocated: 0, purchased: 0 },
    });
    expect(await eventsOf(result.providerId, "provider_created")).toMatchObject([{ actingUserId: operator.id }]);
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, "owner@acme.example"));
    expect(mails).toMatchObject([{ subject: "Set up your provider Acme MSP on Keyhouse" }]);
  });

  it("sets both seat minimums and recomputes the seats purchased above them", async () => {
    await asOperator();
    // Demo MSP's enterprise clients are assigned 3 + 3 + 2 = 8 seats.
    expect(await plansOf(demo.providerId)).toMatchObject({ enterprise_monthly: { allocated: 8 } });

    const lowered = await updateProviderPlans({ providerId: demo.providerId, teamsMinimum: 2, enterpriseMinimum: 5 });
    expect(lowered).toEqual({ ok: true, name: "Demo MSP" });
    expect(await plansOf(demo.providerId)).toEqual({
      teams_monthly: { minimum: 2, allocated: 0, purchased: 0 },
      enterprise_monthly: { minimum: 5, allocated: 8, purchased: 3 },
    });

    await updateProviderPlans({ providerId: demo.providerId, teamsMinimum: 0, enterpriseMinimum: 10 });
    expect(await plansOf(demo.providerId)).toMatchObject({ enterprise_monthly: { minimum: 10, purchased: 0 } });
    expect(await eventsOf(demo.providerId, "provider_plan_updated")).toMatchObject([
      { actingUserId: operator.id, details: { teamsMinimum: 2, enterpriseMinimum: 5 } },
      { actingUserId: operator.id, details: { teamsMinimum: 0, enterpriseMinimum: 10 } },
    ]);
  });

  it("disabling Demo MSP disables its clients, and enabling it restores them", async () => {
    const clientEnabledForAdmin = async () => {
      await signInAs(demo.users.admin);
      const scopes = await Promise.all(
        [demo.client1, demo.client2, demo.client3].map((id) => requireOrgScope(id, "org.console.access")),
      );
      return scopes.map((scope) => scope.organizationEnabled);
    };
    expect(await clientEnabledForAdmin()).toEqual([true, true, true]);

    await asOperator();
    expect(await setProviderEnabled({ providerId: demo.providerId, enabled: false })).toEqual({
      ok: true,
      name: "Demo MSP",
      enabled: false,
      clients: 3,
    });
    expect(await clientEnabledForAdmin()).toEqual([false, false, false]);
    // Only the provider's flag changed: the organizations keep their own state, which is what enabling restores.
    const db = await getDb();
    const [clientRow] = await db
      .select({ enabled: organizations.enabled })
      .from(organizations)
      .where(eq(organizations.id, demo.client1));
    expect(clientRow).toEqual({ enabled: true });

    await asOperator();
    expect(await setProviderEnabled({ providerId: demo.providerId, enabled: true })).toMatchObject({
      ok: true,
      enabled: true,
    });
    expect(await clientEnabledForAdmin()).toEqual([true, true, true]);
    expect(await eventsOf(demo.providerId, "provider_disabled")).toMatchObject([
      { actingUserId: operator.id, details: { clients: 3 } },
    ]);
    expect(await eventsOf(demo.providerId, "provider_enabled")).toHaveLength(1);
  });

  const plans = (overrides: Record<string, unknown>) => ({
    providerId: "",
    teamsMinimum: 0,
    enterpriseMinimum: 0,
    ...overrides,
  });
  const badInputs: [string, () => Promise<{ ok: boolean }>, string, string | undefined][] = [
    [
      "an overlong name",
      () => createProvider({ name: "x".repeat(51), ownerEmail: "a@b.example" }),
      "Provider name must be at most 50 characters.",
      "name",
    ],
    [
      "a bad email",
      () => createProvider({ name: "Fine", ownerEmail: "not an email" }),
      "Enter a valid email address.",
      "ownerEmail",
    ],
    [
      "a negative minimum",
      () => updateProviderPlans(plans({ providerId: demo.providerId, teamsMinimum: -1 })),
      "Seat minimum cannot be negative.",
      "teamsMinimum",
    ],
    [
      "a fractional minimum",
      () => updateProviderPlans(plans({ providerId: demo.providerId, enterpriseMinimum: 1.5 })),
      "Seat minimum must be a whole number.",
      "enterpriseMinimum",
    ],
    [
      "a huge minimum",
      () => updateProviderPlans(plans({ providerId: demo.providerId, enterpriseMinimum: 1e9 })),
      "Seat minimum must be at most 100,000.",
      "enterpriseMinimum",
    ],
    [
      "a minimum that is not a number",
      () => updateProviderPlans(plans({ providerId: demo.providerId, teamsMinimum: "5" })),
      "Seat minimum must be a number.",
      "teamsMinimum",
    ],
    [
      "new minimums for a provider that does not exist",
      () => updateProviderPlans(plans({ providerId: MISSING_ID })),
      NO_SUCH_PROVIDER,
      undefined,
    ],
    [
      "enabling a provider that does not exist",
      () => setProviderEnabled({ providerId: MISSING_ID, enabled: true }),
      NO_SUCH_PROVIDER,
      undefined,
    ],
    [
      "a provider id that is not a uuid",
      () => setProviderEnabled({ providerId: "demo-msp", enabled: false }),
      "Not a valid id.",
      "providerId",
    ],
    [
      "new minimums for an id that is not a uuid",
      () => updateProviderPlans(plans({ providerId: "1 or 1=1" })),
      "Not a valid id.",
      "providerId",
    ],
    [
      "an enabled flag that is not a boolean",
      () => setProviderEnabled({ providerId: demo.providerId, enabled: "no" as never }),
      "Say whether the provider is enabled.",
      "enabled",
    ],
  ];

  it.each(badInputs)("refuses %s with a clear sentence and changes nothing", async (_case, attempt, message, field) => {
    await asOperator();
    const before = await databaseSnapshot();
    const result = await attempt();
    expect(result).toMatchObject({ ok: false, error: message });
    if (field) expect(result).toMatchObject({ fieldErrors: { [field]: message } });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("searches by name, treating % and _ literally, and reports client counts and minimums", async () => {
    await asOperator();
    const scope = await requireOperatorScope();
    const { rows, total } = await listProvidersForOperator(scope, { q: "demo", page: 1 });
    expect(total).toBe(1);
    expect(rows).toMatchObject([
      {
        id: demo.providerId,
        name: "Demo MSP",
        status: "billable",
        enabled: true,
        clients: 3,
        teamsMinimum: 0,
        enterpriseMinimum: 10,
      },
    ]);
    expect(await listProvidersForOperator(scope, { q: "%", page: 1 })).toEqual({ rows: [], total: 0 });
  });

  it("lists providers with the same number of queries at 3 and at 60 providers, 50 to a page", async () => {
    await asOperator();
    const scope = await requireOperatorScope();
    await growProvidersTo(3);
    const few = await countQueries(() => listProvidersForOperator(scope, { q: "", page: 1 }));
    expect(few.result.total).toBe(3);
    await growProvidersTo(60);
    const many = await countQueries(() => listProvidersForOperator(scope, { q: "", page: 1 }));
    expect(many.result).toMatchObject({ total: 60 });
    expect(many.result.rows).toHaveLength(50);
    expect(many.queries).toBe(few.queries);
    expect(many.queries).toBe(1);
    const secondPage = await countQueries(() => listProvidersForOperator(scope, { q: "", page: 2 }));
    expect(secondPage.result.rows).toHaveLength(10);
  });
});

async function countQueries<T>(run: () => Promise<T>): Promise<{ queries: number; result: T }> {
  let queries = 0;
  const stop = observeQueries(() => {
    queries += 1;
  });
  try {
    const result = await run();
    return { queries, result };
  } finally {
    stop();
  }
}

/** Adds plain pending providers, each with its two plans, until the installation has `target` of them. */
async function growProvidersTo(target: number): Promise<void> {
  const db = await getDb();
  const [existing] = await db.select({ n: count() }).from(providers);
  const missing = target - (existing?.n ?? 0);
  if (missing <= 0) return;
  const added = await db
    .insert(providers)
    .values(
      Array.from({ length: missing }, (_, index) => ({ name: `Bulk provider ${String(index).padStart(2, "0")}` })),
    )
    .returning({ id: providers.id });
  await db.insert(providerPlans).values(
    added.flatMap(({ id }) => [
      { providerId: id, planType: "teams_monthly" as const, seatMinimum: 1 },
      { providerId: id, planType: "enterprise_monthly" as const, seatMinimum: 2 },
    ]),
  );
}
