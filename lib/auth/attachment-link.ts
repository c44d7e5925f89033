import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { appUrl } from "@/lib/server/config";
import { authSecret } from "./secret";

/**
 * Download links for attachments. The official apps fetch an attachment's `url` without their access token, so the
 * link carries its own proof: a MAC over the item, the file and an expiry, handed out only to someone who reaches
 * the item at that moment (the attachment and sync routes). It lives a few minutes; the bytes are ciphertext.
 */
export const ATTACHMENT_LINK_SECONDS = 5 * 60;

let macKey: Buffer | undefined;

function mac(cipherId: string, attachmentId: string, expires: number): Buffer {
  macKey ??= Buffer.from(hkdfSync("sha256", authSecret(), "", "keyhouse attachment download link", 32));
  return createHmac("sha256", macKey).update([cipherId, attachmentId, expires].join("|")).digest();
}

export function attachmentPath(cipherId: string, attachmentId: string): string {
  return `/api/attachments/${cipherId}/${attachmentId}`;
}

export function signedAttachmentUrl(cipherId: string, attachmentId: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + ATTACHMENT_LINK_SECONDS;
  const token = `${expires}.${mac(cipherId, attachmentId, expires).toString("base64url")}`;
  return `${appUrl(attachmentPath(cipherId, attachmentId))}?token=${token}`;
}

export function attachmentTokenValid(
  token: string | null,
  cipherId: string,
  attachmentId: string,
  now = Date.now(),
): boolean {
  const [expiresText, signature] = (token ?? "").split(".");
  const expires = Number(expiresText);
  if (!Number.isSafeInteger(expires) || expires * 1000 <= now || !signature) return false;
  const expected = mac(cipherId, attachmentId, expires);
  const given = Buffer.from(signature, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
