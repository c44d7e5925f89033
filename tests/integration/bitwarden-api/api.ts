import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { signAccessToken } from "@/lib/auth/access-token";
import { openDeviceSession } from "@/lib/dal/devices";
import * as cipherAttachment from "@/app/api/ciphers/[cipherId]/attachment/[attachmentId]/route";
import * as cipherAttachmentV2 from "@/app/api/ciphers/[cipherId]/attachment/v2/route";
import { FAKE_ENC_2 } from "../../support/fakes";

/**
 * Calling the Bitwarden API's route handlers as the apps do: with a Bearer access token of a device session, and
 * path parameters as Next.js passes them.
 */

/** Any route handler: its params' type is its own (a call passes what the path names). */
export type RouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export type ApiCall = {
  method?: string;
  token?: string | null;
  /** A JSON body; a URLSearchParams is sent as a form (the token endpoint), a FormData as multipart (uploads). */
  body?: unknown;
  params?: Record<string, string>;
  authorization?: string;
  headers?: Record<string, string>;
};

export async function callRoute(handler: RouteHandler, path: string, call: ApiCall = {}): Promise<Response> {
  const headers = new Headers(call.headers);
  if (call.authorization !== undefined) headers.set("authorization", call.authorization);
  else if (call.token) headers.set("authorization", `Bearer ${call.token}`);
  let body: BodyInit | undefined;
  if (call.body instanceof FormData) {
    // fetch's Request sets the multipart type and its boundary.
    body = call.body;
  } else if (call.body instanceof URLSearchParams) {
    body = call.body;
    headers.set("content-type", "application/x-www-form-urlencoded");
  } else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    headers.set("content-type", "application/json");
  }
  const request = new Request(`https://localhost${path}`, { method: call.method ?? "GET", headers, body });
  return handler(request, { params: Promise.resolve(call.params ?? {}) as Promise<never> });
}

export type DeviceToken = { token: string; sessionId: string; refreshToken: string; deviceIdentifier: string };

/**
 * A device session for the user, as a login opens one, and an access token for it (logging in through the token
 * endpoint would need each user's master password; these tests are about what the token lets through).
 */
export async function deviceToken(
  userId: string,
  options: { deviceIdentifier?: string; issuedAt?: Date } = {},
): Promise<DeviceToken> {
  const deviceIdentifier = options.deviceIdentifier ?? randomUUID();
  const db = await getDb();
  const session = await db.transaction((tx) =>
    openDeviceSession(tx, userId, { type: 8, identifier: deviceIdentifier, name: "test device" }),
  );
  return {
    token: await tokenFor(userId, session.sessionId, options.issuedAt),
    sessionId: session.sessionId,
    refreshToken: session.refreshToken,
    deviceIdentifier,
  };
}

/** An access token for an existing session, with the user's current stamp (or one issued long ago). */
export async function tokenFor(userId: string, sessionId: string, issuedAt?: Date): Promise<string> {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      emailVerified: users.emailVerified,
      securityStamp: users.securityStamp,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new Error(`no user ${userId}`);
  return signAccessToken({ user, sessionId, deviceIdentifier: "test", clientId: "web" }, issuedAt);
}

/** The token endpoint's form for a password login. */
export function passwordForm(fields: {
  email: string;
  masterPasswordHash: string;
  deviceIdentifier?: string;
  twoFactorToken?: string;
  twoFactorProvider?: number;
  twoFactorRemember?: "0" | "1";
}): URLSearchParams {
  const form = new URLSearchParams({
    grant_type: "password",
    client_id: "web",
    scope: "api offline_access",
    username: fields.email,
    password: fields.masterPasswordHash,
    deviceType: "9",
    deviceIdentifier: fields.deviceIdentifier ?? randomUUID(),
    deviceName: "chrome",
  });
  if (fields.twoFactorToken !== undefined) form.set("twoFactorToken", fields.twoFactorToken);
  if (fields.twoFactorProvider !== undefined) form.set("twoFactorProvider", String(fields.twoFactorProvider));
  if (fields.twoFactorRemember !== undefined) form.set("twoFactorRemember", fields.twoFactorRemember);
  return form;
}

/** An announced file's encrypted bytes, as the apps upload them (multipart, the file in `data`). */
export function attachmentUpload(bytes: Uint8Array<ArrayBuffer> = new Uint8Array(16).fill(7)): FormData {
  const form = new FormData();
  form.append("data", new Blob([bytes], { type: "application/octet-stream" }), FAKE_ENC_2);
  return form;
}

/** Attaches a file to an item as the apps do (announce, then upload); its id. */
export async function uploadAttachment(
  token: string,
  cipherId: string,
  bytes: Uint8Array<ArrayBuffer> = new Uint8Array(16).fill(7),
): Promise<string> {
  const announced = await callRoute(cipherAttachmentV2.POST as RouteHandler, `/api/ciphers/${cipherId}/attachment/v2`, {
    method: "POST",
    token,
    params: { cipherId },
    body: { key: FAKE_ENC_2, fileName: FAKE_ENC_2, fileSize: bytes.byteLength, adminRequest: false },
  });
  if (announced.status !== 200) throw new Error(`announcing a file answered ${announced.status}`);
  const { attachmentId } = (await announced.json()) as { attachmentId: string };
  const uploaded = await callRoute(
    cipherAttachment.POST as RouteHandler,
    `/api/ciphers/${cipherId}/attachment/${attachmentId}`,
    { method: "POST", token, params: { cipherId, attachmentId }, body: attachmentUpload(bytes) },
  );
  if (uploaded.status !== 200) throw new Error(`uploading a file answered ${uploaded.status}`);
  return attachmentId;
}
