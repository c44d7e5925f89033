import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { authSecret } from "./secret";

/**
 * "Remember me" for two-step login in the official apps (DESIGN §12): after a right code, an app that asked gets a
 * token that stands in for the code on that device for 30 days. It is a MAC over the account, the device and the
 * moment two-step login was turned on, so turning it off and on again, or another device, voids it. Nothing is stored.
 */
const REMEMBER_SECONDS = 30 * 24 * 60 * 60;

let macKey: Buffer | undefined;

function mac(payload: string): Buffer {
  macKey ??= Buffer.from(hkdfSync("sha256", authSecret(), "", "keyhouse two-step login remember", 32));
  return createHmac("sha256", macKey).update(payload).digest();
}

type Binding = { userId: string; deviceIdentifier: string; twoFactorEnabledAt: Date };

function payloadOf(binding: Binding, expires: number): string {
  return [binding.userId, binding.deviceIdentifier, binding.twoFactorEnabledAt.getTime(), expires].join("|");
}

export function issueRememberToken(binding: Binding, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + REMEMBER_SECONDS;
  return `${expires}.${mac(payloadOf(binding, expires)).toString("base64url")}`;
}

export function rememberTokenValid(token: string, binding: Binding, now = Date.now()): boolean {
  const [expiresText, signature] = token.split(".");
  const expires = Number(expiresText);
  if (!Number.isSafeInteger(expires) || expires * 1000 <= now || !signature) return false;
  const expected = mac(payloadOf(binding, expires));
  const given = Buffer.from(signature, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
