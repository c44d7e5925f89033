import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, invitations, mailOutbox, providerPlans, providers } from "@/db/schema";
import { secretHash } from "@/lib/server/secret-token";
import { commandLineContext } from "@/lib/operator/command-context";
import { createPendingProvider } from "@/lib/operator/providers";
import { createProviderSchema } from "@/lib/validation/provider";

describe("operator: create a provider", () => {
  it("creates a pending provider with its plans, a hashed setup token, an event and a mail with the link", async () => {
    const db = await getDb();
    const input = createProviderSchema.parse({
      name: "Acme MSP",
      ownerEmail: " Owner@Acme.Example ",
      enterpriseMinimum: 25,
    });
    const { created, mailId } = await db.transaction(async (tx) => {
      const context = commandLineContext(tx);
      return { created: await createPendingProvider(context, input), mailId: context.queuedMail[0]! };
    });

    const [provider] = await db.select().from(providers).where(eq(providers.id, created.providerId));
    expect(provider).toMatchObject({ name: "Acme MSP", status: "pending", enabled: true });
    const plans = await db.select().from(providerPlans).where(eq(providerPlans.providerId, created.providerId));
    expect(plans.map((plan) => [plan.planType, plan.seatMinimum]).sort()).toEqual([
      ["enterprise_monthly", 25],
      ["teams_monthly", 0],
    ]);

    const token = new URL(created.setupUrl).searchParams.get("token")!;
    expect(token.length).toBeGreaterThanOrEqual(40);
    const [invitation] = await db.select().from(invitations).where(eq(invitations.providerId, created.providerId));
    expect(invitation).toMatchObject({ kind: "provider_setup", email: "owner@acme.example", usedAt: null });
    expect(invitation!.tokenHash).toBe(secretHash(token));
    expect(invitation!.tokenHash).not.toContain(token);
    const lifetime = invitation!.expiresAt.getTime() - invitation!.createdAt.getTime();
    expect(Math.round(lifetime / 3_600_000)).toBe(120);

    const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, mailId));
    expect(mail).toMatchObject({ to: "owner@acme.example", status: "pending" });
    expect(mail!.text).toContain(created.setupUrl);
    const logged = await db.select().from(events).where(eq(events.providerId, created.providerId));
    expect(logged).toMatchObject([{ type: "provider_created", actingUserId: null, device: "operator command" }]);
  });

  it.each([
    [{ name: "", ownerEmail: "a@b.example" }, "name", "Enter a provider name."],
    [{ name: "x".repeat(51), ownerEmail: "a@b.example" }, "name", "Provider name must be at most 50 characters."],
    [{ name: "Fine", ownerEmail: "nope" }, "ownerEmail", "Enter a valid email address."],
    [{ name: "Fine", ownerEmail: "a@b.example", teamsMinimum: -1 }, "teamsMinimum", "Seat minimum cannot be negative."],
    [
      { name: "Fine", ownerEmail: "a@b.example", enterpriseMinimum: 1.5 },
      "enterpriseMinimum",
      "Seat minimum must be a whole number.",
    ],
    [
      { name: "Fine", ownerEmail: "a@b.example", enterpriseMinimum: Number.NaN },
      "enterpriseMinimum",
      "Seat minimum must be a number.",
    ],
    [
      { name: "Fine", ownerEmail: "a@b.example", enterpriseMinimum: 1e9 },
      "enterpriseMinimum",
      "Seat minimum must be at most 100,000.",
    ],
  ])("refuses %j with a clear message", (input, field, message) => {
    const parsed = createProviderSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });
});
