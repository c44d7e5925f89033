import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpProvider } from "@/app/(portal)/providers/setup/actions";
import { getDb } from "@/db/client";
import { events, invitations, providers, providerUsers } from "@/db/schema";
import {
  asEncString,
  SymmetricKey,
  unwrapSymmetricKeyWithPrivateKey,
  unwrapPrivateKey,
  wrapSymmetricKeyForPublicKey,
} from "@/lib/crypto";
import { commandLineContext } from "@/lib/operator/command-context";
import { createPendingProvider } from "@/lib/operator/providers";
import { createProviderSchema } from "@/lib/validation/provider";
import { databaseSnapshot } from "../support/db-scan";
import { createTestUser, type TestUser, uniqueEmail } from "../support/factories";
import { signInAs } from "../support/session";

async function pendingProvider(ownerEmail: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const created = await createPendingProvider(
      commandLineContext(tx),
      createProviderSchema.parse({ name: "Pending MSP", ownerEmail }),
    );
    return { providerId: created.providerId, token: new URL(created.setupUrl).searchParams.get("token")! };
  });
}

describe("provider setup from the operator's link", () => {
  let owner: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    owner = await createTestUser({ email: uniqueEmail("msp-owner") });
    stranger = await createTestUser();
  });

  it("makes the invited owner the first confirmed admin, holding a provider key only they can open", async () => {
    const { providerId, token } = await pendingProvider(owner.email);
    await signInAs(owner.id);
    const providerKey = SymmetricKey.generate();
    const result = await setUpProvider({
      token,
      name: "Acme MSP",
      billingEmail: "billing@acme.example",
      key: await wrapSymmetricKeyForPublicKey(providerKey, owner.keys.publicKey),
    });
    expect(result).toEqual({ ok: true, providerId });

    const db = await getDb();
    const [provider] = await db.select().from(providers).where(eq(providers.id, providerId));
    expect(provider).toMatchObject({ name: "Acme MSP", billingEmail: "billing@acme.example", status: "created" });
    const [member] = await db.select().from(providerUsers).where(eq(providerUsers.providerId, providerId));
    expect(member).toMatchObject({ userId: owner.id, email: owner.email, type: "provider_admin", status: "confirmed" });
    const privateKey = await unwrapPrivateKey(owner.keys.privateKey, owner.keys.userKey);
    const unwrapped = await unwrapSymmetricKeyWithPrivateKey(member!.key!, privateKey);
    expect(unwrapped.toBytes()).toEqual(providerKey.toBytes());
    const logged = await db.select({ type: events.type }).from(events).where(eq(events.providerId, providerId));
    expect(logged.map((event) => event.type)).toEqual(["provider_created", "provider_setup_completed"]);

    // The link works once.
    const again = await setUpProvider({ token, name: "Again", billingEmail: "b@acme.example", key: member!.key! });
    expect(again).toMatchObject({ ok: false, error: "This invitation has already been used." });
  });

  it("refuses someone signed in with another email, and writes nothing", async () => {
    const { token } = await pendingProvider(owner.email);
    await signInAs(stranger.id);
    const before = await databaseSnapshot();
    const result = await setUpProvider({
      token,
      name: "Hijack",
      billingEmail: stranger.email,
      key: await wrapSymmetricKeyForPublicKey(SymmetricKey.generate(), stranger.keys.publicKey),
    });
    expect(result).toMatchObject({
      ok: false,
      error: "This invitation was sent to another email address. Log in with that address to accept it.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses an expired link", async () => {
    const { providerId, token } = await pendingProvider(owner.email);
    const db = await getDb();
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.providerId, providerId));
    await signInAs(owner.id);
    const result = await setUpProvider({
      token,
      name: "Late",
      billingEmail: owner.email,
      key: await wrapSymmetricKeyForPublicKey(SymmetricKey.generate(), owner.keys.publicKey),
    });
    expect(result).toMatchObject({ ok: false, error: "This invitation has expired. Ask for a new one." });
  });

  it.each([
    ["a damaged token", { token: "short" }, "token"],
    ["an overlong name", { name: "n".repeat(51) }, "name"],
    ["a bad billing email", { billingEmail: "nope" }, "billingEmail"],
    [
      "a type-2 key where a type-4 key belongs",
      {
        key: asEncString(
          "2.AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAA==|AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        ),
      },
      "key",
    ],
  ])("refuses %s with a field error and writes nothing", async (_label, change, field) => {
    const { token } = await pendingProvider(owner.email);
    await signInAs(owner.id);
    const before = await databaseSnapshot();
    const input = {
      token,
      name: "Fine MSP",
      billingEmail: owner.email,
      key: await wrapSymmetricKeyForPublicKey(SymmetricKey.generate(), owner.keys.publicKey),
      ...change,
    };
    const result = await setUpProvider(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.[field]).toEqual(expect.any(String));
    expect(await databaseSnapshot()).toEqual(before);
  });
});
