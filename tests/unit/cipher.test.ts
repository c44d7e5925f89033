import { describe, expect, it } from "vitest";
import { CryptoError, SymmetricKey } from "@/lib/crypto";
import { encryptedCipherSchema } from "@/lib/validation/cipher";
import { decryptCipher, encryptCipher } from "@/lib/vault/cipher-crypto";
import { type CipherView, newCipher } from "@/lib/vault/cipher-model";
import { samplePasskey } from "../support/passkey";
import { CIPHER_TYPES } from "@/lib/enums";
import { uncheckedEncString } from "./crypto/helpers";

function fullLogin(): CipherView {
  const item = newCipher("login", "Bank");
  item.notes = "Branch 12 · ünïcødé";
  item.login = {
    username: "alice@bank.example",
    password: "s3cret-P@ss",
    totp: "otpauth://totp/Bank?secret=JBSWY3DPEHPK3PXP",
    uris: [
      { uri: "https://bank.example/login", match: 3 },
      { uri: "http://old.bank.example", match: null },
    ],
    passwordRevisionDate: "2026-01-02T03:04:05.000Z",
    autofillOnPageLoad: true,
    fido2Credentials: [samplePasskey()],
  };
  item.fields = [
    { type: 0, name: "Branch", value: "12", linkedId: null },
    { type: 1, name: "PIN", value: "4321", linkedId: null },
    { type: 2, name: "Business", value: "true", linkedId: null },
  ];
  item.passwordHistory = [{ password: "old-pass", lastUsedDate: "2025-12-01T00:00:00.000Z" }];
  return item;
}

describe("item encryption", () => {
  const key = SymmetricKey.generate();

  it("round-trips every item type, and the stored form passes the server's shape check", async () => {
    for (const type of CIPHER_TYPES) {
      const view = type === "login" ? fullLogin() : newCipher(type, `A ${type}`);
      if (view.card) view.card.number = "4111111111111111";
      if (view.identity) view.identity.firstName = "Ada";
      if (view.sshKey) view.sshKey.publicKey = "ssh-ed25519 AAAA";
      const stored = await encryptCipher(view, key);
      expect(encryptedCipherSchema.safeParse(stored).success, type).toBe(true);
      expect(await decryptCipher(stored, key)).toEqual(view);
    }
  });

  it("encrypts a blank URI like any value, so an item with an empty URI row passes the shape check", async () => {
    const view = newCipher("login", "Blank URI");
    view.login!.uris = [{ uri: "", match: null }];
    const stored = await encryptCipher(view, key);
    expect(encryptedCipherSchema.safeParse(stored).success).toBe(true);
    expect(await decryptCipher(stored, key)).toEqual(view);
  });

  it("leaves no secret in the clear in the stored form", async () => {
    const stored = JSON.stringify(await encryptCipher(fullLogin(), key));
    for (const secret of [
      "Bank",
      "alice@bank.example",
      "s3cret-P@ss",
      "JBSWY3DPEHPK3PXP",
      "bank.example",
      "4321",
      "old-pass",
      "Branch",
    ]) {
      expect(stored).not.toContain(secret);
    }
  });

  it("refuses to decrypt with another key or after tampering", async () => {
    const stored = await encryptCipher(fullLogin(), key);
    await expect(decryptCipher(stored, SymmetricKey.generate())).rejects.toBeInstanceOf(CryptoError);
    const tampered = structuredClone(stored);
    tampered.data.login!.password = stored.data.name;
    // A swapped but valid EncString decrypts to the wrong field: the MAC protects each value, not the layout.
    expect((await decryptCipher(tampered, key)).login?.password).toBe("Bank");
    tampered.data.login!.password = uncheckedEncString(stored.data.login!.password!.replace(/.\|/, "A|"));
    await expect(decryptCipher(tampered, key)).rejects.toBeInstanceOf(CryptoError);
  });
});

describe("the server's shape check of an encrypted item", () => {
  const key = SymmetricKey.generate();

  it.each([
    ["an unknown item type", (item: Record<string, unknown>) => ({ ...item, type: "password" }), "Unknown item type."],
    [
      "a plaintext value",
      (item: { data: Record<string, unknown> }) => ({ ...item, data: { ...item.data, notes: "hello" } }),
      "Encrypted data is malformed.",
    ],
    [
      "too many URIs",
      (item: { data: { login: { uris: unknown[] } } }) => ({
        ...item,
        data: { ...item.data, login: { ...item.data.login, uris: Array(51).fill(item.data.login.uris[0]) } },
      }),
      "An item can have at most 50 URIs.",
    ],
    [
      "a card part on a login",
      (item: { data: Record<string, unknown> }) => ({
        ...item,
        data: {
          ...item.data,
          card: { cardholderName: null, brand: null, number: null, expMonth: null, expYear: null, code: null },
        },
      }),
      "A login item cannot have card data.",
    ],
  ])("refuses %s", async (_label, tamper, message) => {
    const stored = await encryptCipher(fullLogin(), key);
    const result = encryptedCipherSchema.safeParse(tamper(stored as never));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });

  it("refuses notes over the cap", async () => {
    const item = fullLogin();
    item.notes = "n".repeat(8_000);
    const result = encryptedCipherSchema.safeParse(await encryptCipher(item, key));
    expect(result.error?.issues[0]?.message).toBe("Notes are too long: keep them under about 7,000 characters.");
  });
});
