import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { register } from "@/app/(auth)/register/actions";
import { getDb } from "@/db/client";
import { events, users } from "@/db/schema";
import {
  type AccountKeys,
  createAccountKeys,
  deriveMasterKey,
  MIN_KDF_ITERATIONS,
  toBase64,
  unwrapPrivateKey,
} from "@/lib/crypto";
import { databaseSnapshot, findPlaintext } from "../support/db-scan";
import { uniqueEmail } from "../support/factories";
import { signOut } from "../support/session";

const PASSWORD = "correct horse battery staple 42";

function registration(keys: AccountKeys, email: string, name = "Reg User") {
  return {
    email,
    name,
    kdf: keys.kdf,
    kdfIterations: keys.kdfIterations,
    masterPasswordHash: keys.masterPasswordHash,
    key: keys.key,
    publicKey: keys.publicKey,
    privateKey: keys.privateKey,
  };
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

describe("registration", () => {
  let email: string;
  let keys: AccountKeys;

  beforeAll(async () => {
    signOut();
    email = uniqueEmail("register");
    keys = await createAccountKeys({ email, password: PASSWORD, iterations: MIN_KDF_ITERATIONS });
  });

  it("stores the account and writes its event in one go", async () => {
    const result = await register(registration(keys, email));
    expect(result).toMatchObject({ ok: true });
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.email, email));
    expect(row).toBeDefined();
    expect(row!.key).toBe(keys.key);
    expect(row!.publicKey).toBe(keys.publicKey);
    expect(row!.privateKey).toBe(keys.privateKey);
    expect(row!.masterPasswordHash).toMatch(/^\$2[aby]\$\d\d\$/);
    const logged = await db.select().from(events).where(eq(events.userId, row!.id));
    expect(logged.map((event) => event.type)).toEqual(["user_registered"]);
  });

  it("leaves no password, master key, user key or private key in any column", async () => {
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.email, email));
    const masterKey = await deriveMasterKey(PASSWORD, email, MIN_KDF_ITERATIONS);
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

  describe("refuses bad input with a clear message and writes nothing", () => {
    const cases: [string, (input: ReturnType<typeof registration>) => unknown, string, string][] = [
      ["a malformed EncString", (input) => ({ ...input, key: input.key.replace(/\|[^|]+$/, "|AAAA") }), "key", "Encrypted data is malformed."],
      ["a type-4 EncString where type 2 belongs", (input) => ({ ...input, privateKey: `4.${"A".repeat(344)}` }), "privateKey", "Encrypted data is malformed."],
      ["an overlong name", (input) => ({ ...input, name: "x".repeat(51) }), "name", "Name must be at most 50 characters."],
      ["a blank name", (input) => ({ ...input, name: "   " }), "name", "Enter a name."],
      ["a bad email", (input) => ({ ...input, email: "not-an-email" }), "email", "Enter a valid email address."],
      ["a missing field", ({ publicKey: _omitted, ...input }) => input, "publicKey", "Public key is missing."],
      ["a short master password hash", (input) => ({ ...input, masterPasswordHash: "c2hvcnQ=" }), "masterPasswordHash", "Master password hash is malformed."],
      ["too few KDF iterations", (input) => ({ ...input, kdfIterations: 5000 }), "kdfIterations", "KDF iterations must be at least 100,000."],
      ["an unknown KDF", (input) => ({ ...input, kdf: 1 }), "kdf", "Unsupported key derivation function."],
    ];

    it.each(cases)("%s", async (_label, tamper, field, message) => {
      const fresh = uniqueEmail("bad");
      const before = await databaseSnapshot();
      const result = await register(tamper(registration(keys, fresh)) as Parameters<typeof register>[0]);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe("invalid_input");
      expect(result.fieldErrors?.[field]).toBe(message);
      expect(await databaseSnapshot()).toEqual(before);
    });

    it("a duplicate email", async () => {
      const before = await databaseSnapshot();
      const result = await register(registration(keys, email.toUpperCase()));
      expect(result).toEqual({
        ok: false,
        code: "rejected",
        error: "An account with this email already exists.",
        fieldErrors: { email: "An account with this email already exists." },
      });
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
