import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "@/app/(auth)/accept/actions";
import { register, startRegistration } from "@/app/(auth)/register/actions";
import { getDb } from "@/db/client";
import { emailTokens, events, invitations, mailOutbox, users } from "@/db/schema";
import {
  type AccountKeys,
  createAccountKeys,
  deriveMasterKey,
  kdfConfigOf,
  MIN_KDF_ITERATIONS,
  pbkdf2Kdf,
  toBase64,
  unwrapPrivateKey,
} from "@/lib/crypto";
import { requireOperatorScope } from "@/lib/authz/scope";
import { createEmailToken } from "@/lib/dal/email-tokens";
import { secretHash } from "@/lib/server/secret-token";
import { commandLineContext } from "@/lib/operator/command-context";
import { createPendingProvider } from "@/lib/operator/providers";
import { createProviderSchema } from "@/lib/validation/provider";
import { databaseSnapshot, findPlaintext } from "../support/db-scan";
import { createTestOrganization, createTestUser, inviteTestMember, uniqueEmail } from "../support/factories";
import { FAKE_TOKEN } from "../support/fakes";
import { signInAs, signOut } from "../support/session";
import { OPERATOR_EMAIL } from "./isolation/roles";

const PASSWORD = "correct horse battery staple 42";
const NOT_CREATED = "No account was created with this link. If you already have an account, log in.";

type Via = "registration" | "provider_setup" | "provider_user" | "organization_user";

/** What the finishing browser sends: the link's token and derived keys, no address. */
function finish(keys: AccountKeys, token: string, via: Via = "registration", name = "Reg User") {
  return {
    via,
    token,
    name,
    ...kdfConfigOf(keys),
    masterPasswordHash: keys.masterPasswordHash,
    key: keys.key,
    publicKey: keys.publicKey,
    privateKey: keys.privateKey,
  };
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

/** The newest mail to an address, as stored (the development mailbox keeps logged bodies in tests). */
async function newestMailTo(to: string) {
  const db = await getDb();
  const [mail] = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.to, to))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(1);
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail;
}

/** Starts a registration for `email` and returns the token of the mailed finish link. */
async function mailedRegistrationToken(email: string, name = "Reg User"): Promise<string> {
  expect(await startRegistration({ email, name })).toEqual({ ok: true });
  const link = /\/register\/finish\?token=([A-Za-z0-9_-]{43})/.exec((await newestMailTo(email)).text);
  if (!link) throw new Error("the mail carries no finish link");
  return link[1]!;
}

async function accountOf(email: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

const keysFor = (email: string) =>
  createAccountKeys({ email, password: PASSWORD, kdfConfig: pbkdf2Kdf(MIN_KDF_ITERATIONS) });

describe("registration starts by mail and does not reveal who has an account (finding 10)", () => {
  beforeAll(() => signOut());

  it("answers identically for a new and an existing email, and mails each a different message", async () => {
    const existing = await createTestUser();
    const fresh = uniqueEmail("fresh");

    const forFresh = await startRegistration({ email: fresh, name: "Fresh" });
    const forExisting = await startRegistration({ email: existing.email.toUpperCase(), name: "Someone" });

    expect(forFresh).toEqual({ ok: true });
    expect(forExisting).toEqual(forFresh);
    const freshMail = await newestMailTo(fresh);
    const existingMail = await newestMailTo(existing.email);
    expect(freshMail.subject).toBe("Finish creating your Keyhouse account");
    expect(freshMail.text).toMatch(/\/register\/finish\?token=[A-Za-z0-9_-]{43}&name=Fresh/);
    expect(existingMail.subject).toBe("You already have a Keyhouse account");
    expect(existingMail.text).toContain(`/login?email=${encodeURIComponent(existing.email)}`);
    expect(existingMail.text).not.toContain("token=");
    // No account yet for the new address: only the link makes one.
    expect(await accountOf(fresh)).toBeUndefined();
  });

  it("stores only the link's hash, bound to the address, for a day", async () => {
    const email = uniqueEmail("hashed");
    const token = await mailedRegistrationToken(email);
    const db = await getDb();
    const [row] = await db.select().from(emailTokens).where(eq(emailTokens.email, email));
    expect(row).toMatchObject({ purpose: "registration", tokenHash: secretHash(token), usedAt: null });
    expect(JSON.stringify(row)).not.toContain(token);
    const hours = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(24, 1);
  });

  it("records the start of a registration, naming the existing account when there is one", async () => {
    const existing = await createTestUser();
    await startRegistration({ email: existing.email, name: "Again" });
    const db = await getDb();
    const logged = await db.select().from(events).where(eq(events.type, "user_registration_started"));
    expect(logged).toContainEqual(expect.objectContaining({ userId: existing.id, details: { email: existing.email } }));
  });

  it("refuses bad input to start with the field's sentence and writes nothing", async () => {
    const before = await databaseSnapshot();
    const result = await startRegistration({ email: "not-an-email", name: " " });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { email: "Enter a valid email address.", name: "Enter a name." },
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("registering the operator's address (finding 1)", () => {
  beforeAll(() => signOut());

  it("without following the mailed link gives no account and no operator rights", async () => {
    expect(await startRegistration({ email: OPERATOR_EMAIL, name: "Impostor" })).toEqual({ ok: true });
    // The impostor cannot read the operator's mailbox; a made-up token proves nothing.
    const keys = await keysFor(OPERATOR_EMAIL);
    const guessed = await register(finish(keys, FAKE_TOKEN));
    expect(guessed).toMatchObject({ ok: false, error: "This link is not valid. Request a new one." });
    expect(await accountOf(OPERATOR_EMAIL)).toBeUndefined();
  });

  it("with their own link, the address comes from the link: an extra email field is ignored", async () => {
    const attacker = uniqueEmail("attacker");
    const token = await mailedRegistrationToken(attacker);
    const keys = await keysFor(attacker);
    const result = await register({ ...finish(keys, token), email: OPERATOR_EMAIL } as Parameters<typeof register>[0]);
    expect(result).toMatchObject({ ok: true, email: attacker });
    expect(await accountOf(OPERATOR_EMAIL)).toBeUndefined();
    await signInAs((await accountOf(attacker))!.id);
    await expect(requireOperatorScope()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    signOut();
  });
});

describe("finishing a registration from the mailed link", () => {
  let email: string;
  let keys: AccountKeys;
  let token: string;

  beforeAll(async () => {
    signOut();
    email = uniqueEmail("register");
    keys = await keysFor(email);
    token = await mailedRegistrationToken(email);
  });

  it("creates a verified account for the link's address, with its events, in one go", async () => {
    const result = await register(finish(keys, token));
    expect(result).toMatchObject({ ok: true, email });
    const row = await accountOf(email);
    expect(row).toMatchObject({
      emailVerified: true,
      key: keys.key,
      publicKey: keys.publicKey,
      privateKey: keys.privateKey,
      name: "Reg User",
    });
    expect(row!.masterPasswordHash).toMatch(/^\$2[aby]\$\d\d\$/);
    const db = await getDb();
    const logged = await db.select().from(events).where(eq(events.userId, row!.id));
    expect(logged.map((event) => event.type)).toEqual(["user_registered"]);
    const [used] = await db
      .select()
      .from(emailTokens)
      .where(eq(emailTokens.tokenHash, secretHash(token)));
    expect(used!.usedAt).toBeInstanceOf(Date);
  });

  it("leaves no password, master key, user key or private key in any column", async () => {
    const row = await accountOf(email);
    const masterKey = await deriveMasterKey(PASSWORD, email, pbkdf2Kdf(MIN_KDF_ITERATIONS));
    const privateKey = await unwrapPrivateKey(keys.privateKey, keys.userKey);
    const secrets = [
      PASSWORD,
      toBase64(masterKey),
      hex(masterKey),
      toBase64(keys.userKey.toBytes()),
      hex(keys.userKey.toBytes()),
      toBase64(privateKey),
      hex(privateKey).slice(0, 64),
      // The server keeps only bcrypt of the master password hash, not the hash itself.
      keys.masterPasswordHash,
    ];
    const rowText = JSON.stringify(row);
    for (const secret of secrets) expect(rowText).not.toContain(secret);
    expect(await findPlaintext(secrets)).toEqual([]);
  });

  it("refuses a used link and writes nothing", async () => {
    const before = await databaseSnapshot();
    expect(await register(finish(keys, token))).toEqual({
      ok: false,
      code: "rejected",
      error: "This link has already been used.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses an expired link", async () => {
    const late = uniqueEmail("late");
    const lateToken = await mailedRegistrationToken(late);
    const db = await getDb();
    await db
      .update(emailTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailTokens.email, late));
    const before = await databaseSnapshot();
    expect(await register(finish(await keysFor(late), lateToken))).toMatchObject({
      ok: false,
      error: "This link has expired. Request a new one.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses a verification link: it verifies an address, it does not create an account", async () => {
    const other = uniqueEmail("wrong-purpose");
    const db = await getDb();
    const { token: verification } = await db.transaction((tx) => createEmailToken(tx, "verification", other));
    expect(await register(finish(await keysFor(other), verification))).toMatchObject({
      ok: false,
      error: "This link is not valid. Request a new one.",
    });
    expect(await accountOf(other)).toBeUndefined();
  });

  it("answers a neutral sentence, not a server error, when two links for one address are both finished", async () => {
    const twice = uniqueEmail("twice");
    const first = await mailedRegistrationToken(twice);
    const second = await mailedRegistrationToken(twice);
    const twiceKeys = await keysFor(twice);
    const results = await Promise.all([register(finish(twiceKeys, first)), register(finish(twiceKeys, second))]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, code: "rejected", error: NOT_CREATED });
    expect(JSON.stringify(results)).not.toContain("already exists");
  });

  describe("refuses bad input with a clear message and writes nothing", () => {
    const cases: [string, (input: ReturnType<typeof finish>) => unknown, string, string][] = [
      [
        "a malformed EncString",
        (input) => ({ ...input, key: input.key.replace(/\|[^|]+$/, "|AAAA") }),
        "key",
        "Encrypted data is malformed.",
      ],
      [
        "a type-4 EncString where type 2 belongs",
        (input) => ({ ...input, privateKey: `4.${"A".repeat(344)}` }),
        "privateKey",
        "Encrypted data is malformed.",
      ],
      [
        "an overlong name",
        (input) => ({ ...input, name: "x".repeat(51) }),
        "name",
        "Name must be at most 50 characters.",
      ],
      ["a blank name", (input) => ({ ...input, name: "   " }), "name", "Enter a name."],
      ["a damaged token", (input) => ({ ...input, token: "short" }), "token", "The link is incomplete or damaged."],
      ["an unknown kind of link", (input) => ({ ...input, via: "password_reset" }), "via", "Unknown kind of link."],
      ["a missing field", ({ publicKey: _omitted, ...input }) => input, "publicKey", "Public key is missing."],
      [
        "a short master password hash",
        (input) => ({ ...input, masterPasswordHash: "c2hvcnQ=" }),
        "masterPasswordHash",
        "Master password hash is malformed.",
      ],
      [
        "too few KDF iterations",
        (input) => ({ ...input, kdfIterations: 5000 }),
        "kdfIterations",
        "KDF iterations must be at least 100,000.",
      ],
      ["an unknown KDF", (input) => ({ ...input, kdf: 2 }), "kdf", "Unsupported key derivation function."],
      [
        "Argon2id without its memory",
        (input) => ({ ...input, kdf: 1, kdfIterations: 3, kdfParallelism: 4 }),
        "kdfMemory",
        "KDF memory must be between 16 and 1,024 MiB.",
      ],
      [
        "PBKDF2 with a memory setting",
        (input) => ({ ...input, kdfMemory: 64 }),
        "kdfMemory",
        "Memory applies to Argon2id only.",
      ],
    ];

    it.each(cases)("%s", async (_label, tamper, field, message) => {
      const before = await databaseSnapshot();
      const result = await register(tamper(finish(keys, FAKE_TOKEN)) as Parameters<typeof register>[0]);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe("invalid_input");
      expect(result.fieldErrors?.[field]).toBe(message);
      expect(await databaseSnapshot()).toEqual(before);
    });

    it("a body that is not an object", async () => {
      const before = await databaseSnapshot();
      const result = await register("hello" as unknown as Parameters<typeof register>[0]);
      expect(result.ok).toBe(false);
      expect(await databaseSnapshot()).toEqual(before);
    });
  });
});

describe("registering from an invitation or setup link", () => {
  let owner: Awaited<ReturnType<typeof createTestUser>>;
  let organizationId: string;

  beforeAll(async () => {
    signOut();
    owner = await createTestUser({ name: "Inviting Owner" });
    organizationId = await createTestOrganization("Inviting Org", owner);
  });

  it("makes a verified account bound to the invitation's address, and leaves the invitation to accept", async () => {
    const invitee = uniqueEmail("invitee");
    const token = await inviteTestMember(organizationId, invitee);
    signOut();
    const result = await register(finish(await keysFor(invitee), token, "organization_user", "Ivy Invitee"));
    expect(result).toMatchObject({ ok: true, email: invitee });
    const account = await accountOf(invitee);
    expect(account).toMatchObject({ emailVerified: true, name: "Ivy Invitee" });
    const db = await getDb();
    const [invitation] = await db
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, secretHash(token)));
    expect(invitation!.usedAt).toBeNull();

    // Then the new account accepts it, as an existing one would.
    await signInAs(account!.id);
    expect(await acceptInvitation({ kind: "organization", token })).toMatchObject({
      ok: true,
      tenantName: "Inviting Org",
    });
    signOut();
  });

  it("makes a verified account for a provider's owner from the setup link", async () => {
    const ownerEmail = uniqueEmail("setup-owner");
    const db = await getDb();
    const { setupUrl } = await db.transaction((tx) =>
      createPendingProvider(commandLineContext(tx), createProviderSchema.parse({ name: "Setup MSP", ownerEmail })),
    );
    const token = new URL(setupUrl).searchParams.get("token")!;
    expect(await register(finish(await keysFor(ownerEmail), token, "provider_setup"))).toMatchObject({
      ok: true,
      email: ownerEmail,
    });
    expect(await accountOf(ownerEmail)).toMatchObject({ emailVerified: true });
  });

  it("refuses an invitation used as another kind of link, a used one and an expired one", async () => {
    const invitee = uniqueEmail("misused");
    const token = await inviteTestMember(organizationId, invitee);
    const keys = await keysFor(invitee);
    const db = await getDb();
    expect(await register(finish(keys, token, "provider_user"))).toMatchObject({
      ok: false,
      error: "This invitation link is not valid. Ask for a new invitation.",
    });
    expect(await register(finish(keys, token, "registration"))).toMatchObject({
      ok: false,
      error: "This link is not valid. Request a new one.",
    });

    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.tokenHash, secretHash(token)));
    expect(await register(finish(keys, token, "organization_user"))).toMatchObject({
      ok: false,
      error: "This invitation has expired. Ask for a new one.",
    });

    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() + 60_000), usedAt: new Date() })
      .where(eq(invitations.tokenHash, secretHash(token)));
    expect(await register(finish(keys, token, "organization_user"))).toMatchObject({
      ok: false,
      error: "This invitation has already been used.",
    });
    expect(await accountOf(invitee)).toBeUndefined();
  });

  it("answers the neutral sentence when the invited address already has an account", async () => {
    const member = await createTestUser();
    const token = await inviteTestMember(organizationId, member.email);
    signOut();
    const before = await databaseSnapshot();
    expect(await register(finish(await keysFor(member.email), token, "organization_user"))).toEqual({
      ok: false,
      code: "rejected",
      error: NOT_CREATED,
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});
