/**
 * Compile-time fixtures, checked by `npm run typecheck` and never run: plaintext does not fit where ciphertext
 * belongs. Each `@ts-expect-error` line must fail to compile (else typecheck fails with "unused directive"), and each
 * expectTypeOf must hold. The functions exist only to hold the statements; nothing calls them.
 */
import { eq } from "drizzle-orm";
import { expectTypeOf } from "vitest";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { ciphers, collections, organizationUsers, users } from "@/db/schema";
import {
  decryptString,
  encryptString,
  type EncString,
  rsaDecrypt,
  type SymmetricKey,
  unlockUserKey,
  unwrapSymmetricKey,
  wrapSymmetricKey,
} from "@/lib/crypto";
import type { EncryptedCipherInput, encryptedCipherSchema } from "@/lib/validation/cipher";
import type { encStringSchema } from "@/lib/validation/common";
import { decryptCipher, type Encrypted, type EncryptedCipher, encryptCipher } from "@/lib/vault/cipher-crypto";
import type { CipherView, LoginView } from "@/lib/vault/cipher-model";

declare const key: SymmetricKey;
declare const plain: string;
declare const enc: EncString;
declare const view: CipherView;
declare const stored: EncryptedCipher;

export function anEncStringIsAStringButNotTheReverse() {
  expectTypeOf<EncString>().toExtend<string>();
  expectTypeOf<string>().not.toExtend<EncString>();
  const read: string = enc;
  // @ts-expect-error -- plaintext is not ciphertext
  const written: EncString = plain;
  return [read, written, enc.length, enc.startsWith("2.")];
}

export async function onlyEncryptionProducesOne() {
  expectTypeOf(encryptString).returns.resolves.toEqualTypeOf<EncString>();
  expectTypeOf(wrapSymmetricKey).returns.resolves.toEqualTypeOf<EncString>();
  expectTypeOf<z.output<ReturnType<typeof encStringSchema>>>().toEqualTypeOf<EncString>();
  // Callers of an action must send ciphertext: the schema's input is EncString too.
  expectTypeOf<z.input<ReturnType<typeof encStringSchema>>>().toEqualTypeOf<EncString>();
}

export async function decryptionTakesOnlyEncStrings(privateKey: Uint8Array) {
  await decryptString(enc, key);
  // @ts-expect-error -- a plain string cannot be decrypted
  await decryptString(plain, key);
  // @ts-expect-error -- nor unwrapped as a key
  await unwrapSymmetricKey(plain, key);
  // @ts-expect-error -- nor decrypted with a private key
  await rsaDecrypt(plain, privateKey);
  // @ts-expect-error -- nor unlocked as a protected user key
  await unlockUserKey({ masterKey: privateKey, protectedUserKey: plain });
}

export async function keyColumnsHoldEncStrings(tx: Executor, userId: string) {
  expectTypeOf<typeof users.$inferSelect.key>().toEqualTypeOf<EncString>();
  expectTypeOf<typeof organizationUsers.$inferSelect.key>().toEqualTypeOf<EncString | null>();
  await tx.update(users).set({ key: enc, privateKey: enc }).where(eq(users.id, userId));
  // @ts-expect-error -- a plaintext key cannot be stored
  await tx.update(users).set({ key: plain }).where(eq(users.id, userId));
  await tx
    .insert(organizationUsers)
    // @ts-expect-error -- nor a plaintext organization key on a membership
    .values({ organizationId: userId, userId, email: "a@b.example", type: "user", status: "confirmed", key: plain });
  // @ts-expect-error -- nor a plaintext collection name
  await tx.insert(collections).values({ organizationId: userId, name: plain });
}

export async function storedItemsAreNotItemsInTheClear() {
  expectTypeOf(encryptCipher).returns.resolves.toEqualTypeOf<EncryptedCipher>();
  expectTypeOf(decryptCipher).returns.resolves.toEqualTypeOf<CipherView>();
  expectTypeOf<Encrypted<LoginView>["username"]>().toEqualTypeOf<EncString | null>();
  // Dates, kinds and flags stay plain, as in Bitwarden's API.
  expectTypeOf<Encrypted<LoginView>["passwordRevisionDate"]>().toEqualTypeOf<string | null>();
  // What the server parses is exactly what the browser encrypts.
  expectTypeOf<EncryptedCipherInput>().toEqualTypeOf<EncryptedCipher>();
  expectTypeOf<typeof ciphers.$inferSelect.data>().toEqualTypeOf<EncryptedCipher["data"]>();

  const { type, reprompt, ...content } = view;
  // @ts-expect-error -- an item in the clear is not a stored item
  await decryptCipher({ type, reprompt, data: content }, key);
  // @ts-expect-error -- nor input the server accepts
  const sent: z.input<typeof encryptedCipherSchema> = { type, reprompt, data: content };
  // @ts-expect-error -- nor a row for the items table
  const row: typeof ciphers.$inferInsert = { userId: null, type, data: content };
  // @ts-expect-error -- and no field of a stored item takes plaintext
  stored.data.name = plain;
  if (stored.data.login) {
    // @ts-expect-error -- not even one deep inside
    stored.data.login.uris[0]!.uri = plain;
  }
  // Reading a stored item's fields as strings is fine: EncStrings are strings.
  const shown: string = stored.data.name;
  return [sent, row, shown];
}
