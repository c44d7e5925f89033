import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { updateProviderSettingsAction } from "@/app/(portal)/providers/[providerId]/settings/actions";
import { getDb } from "@/db/client";
import { events, providers } from "@/db/schema";
import { databaseSnapshot } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { signInAs } from "../support/session";

describe("provider settings", () => {
  let demo: DemoIds;
  beforeAll(async () => {
    demo = await loadDemo();
  });

  it("renames the provider and changes its billing email, with an event", async () => {
    await signInAs(demo.users.admin);
    expect(
      await updateProviderSettingsAction({
        providerId: demo.providerId,
        name: "Demo MSP Renamed",
        billingEmail: "Invoices@Demo-MSP.example",
      }),
    ).toEqual({ ok: true });
    const db = await getDb();
    const [provider] = await db.select().from(providers).where(eq(providers.id, demo.providerId));
    expect(provider).toMatchObject({ name: "Demo MSP Renamed", billingEmail: "invoices@demo-msp.example" });
    const logged = await db.select().from(events).where(eq(events.type, "provider_updated"));
    expect(logged).toMatchObject([
      {
        providerId: demo.providerId,
        actingUserId: demo.users.admin,
        details: { renamed: true, billingEmailChanged: true },
      },
    ]);
  });

  it.each([
    [{ name: "" }, "name", "Enter a provider name."],
    [{ name: "p".repeat(51) }, "name", "Provider name must be at most 50 characters."],
    [{ billingEmail: "nope" }, "billingEmail", "Enter a valid email address."],
  ])("refuses %j and writes nothing", async (change, field, message) => {
    await signInAs(demo.users.admin);
    const before = await databaseSnapshot();
    const result = await updateProviderSettingsAction({
      providerId: demo.providerId,
      name: "Fine",
      billingEmail: "fine@x.example",
      ...change,
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: message } });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("is for provider admins only", async () => {
    await signInAs(demo.users.tech);
    expect(
      await updateProviderSettingsAction({
        providerId: demo.providerId,
        name: "Tech's MSP",
        billingEmail: "t@x.example",
      }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });
});
