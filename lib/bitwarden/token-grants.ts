import "server-only";
import { z } from "zod";
import { ACCESS_TOKEN_SECONDS, signAccessToken } from "@/lib/auth/access-token";
import { originFromHeaders } from "@/lib/auth/request-origin";
import { issueRememberToken, rememberTokenValid } from "@/lib/auth/two-factor-remember";
import { openDeviceSession, refreshDeviceSession } from "@/lib/dal/devices";
import { logIn, logInWithApiKey, type LoginOutcome } from "@/lib/dal/login";
import { countLoginFailure } from "@/lib/server/metrics";
import { masterPasswordHashSchema } from "@/lib/validation/account";
import { SERVER_BUSY } from "@/lib/unavailable";
import { emailSchema } from "@/lib/validation/common";
import { MAX_DEVICE_TYPE } from "./enums";
import { grantError, loginResponse, refreshResponse, twoFactorChallenge, WRONG_CREDENTIALS } from "./identity";
import { json } from "./route";

/**
 * POST /identity/connect/token (DESIGN §12): the OAuth grants the official apps use. A password login goes through
 * the same login as the web page (throttle, bcrypt, two-step login, events) and opens a session for the device.
 */

/** Bitwarden's two-step login providers the token request may name. */
const PROVIDER = { authenticator: 0, remember: 5, recoveryCode: 8 } as const;

const text = (max: number) => z.string().trim().min(1).max(max);

const deviceFields = {
  deviceType: z.coerce.number().int().min(0).max(MAX_DEVICE_TYPE),
  deviceIdentifier: text(64),
  deviceName: text(64),
};

const passwordGrant = z.object({
  grant_type: z.literal("password"),
  client_id: text(64),
  scope: text(200).optional(),
  username: emailSchema,
  password: masterPasswordHashSchema,
  ...deviceFields,
  twoFactorToken: text(64).optional(),
  twoFactorProvider: z.coerce.number().int().optional(),
  twoFactorRemember: z.enum(["0", "1"]).optional(),
});

const refreshGrant = z.object({
  grant_type: z.literal("refresh_token"),
  client_id: text(64),
  refresh_token: text(200),
});

const apiKeyGrant = z.object({
  grant_type: z.literal("client_credentials"),
  client_id: text(64),
  client_secret: text(100),
  scope: text(200).optional(),
  ...deviceFields,
});

const GRANTS = ["password", "refresh_token", "client_credentials"];

const tokenRequest = z.discriminatedUnion("grant_type", [passwordGrant, refreshGrant, apiKeyGrant]);

const grantRefused = (message: string, error?: string) => json(grantError(message, error), 400);

export async function answerTokenRequest(request: Request): Promise<Response> {
  let form: Record<string, unknown>;
  try {
    form = Object.fromEntries((await request.formData()).entries());
  } catch {
    return grantRefused("The request must be a form.", "invalid_request");
  }
  const parsed = tokenRequest.safeParse(form);
  if (!parsed.success) {
    const unsupported = !GRANTS.includes(String(form.grant_type));
    return unsupported
      ? grantRefused("This kind of login is not supported.", "unsupported_grant_type")
      : grantRefused(WRONG_CREDENTIALS);
  }
  switch (parsed.data.grant_type) {
    case "password":
      return passwordLogin(parsed.data, request.headers);
    case "client_credentials":
      return apiKeyLogin(parsed.data, request.headers);
    case "refresh_token":
      return refreshLogin(parsed.data);
  }
}

async function passwordLogin(body: z.output<typeof passwordGrant>, headers: Headers): Promise<Response> {
  const device = { type: body.deviceType, identifier: body.deviceIdentifier, name: body.deviceName };
  const code =
    body.twoFactorProvider === PROVIDER.authenticator || body.twoFactorProvider === PROVIDER.recoveryCode
      ? body.twoFactorToken
      : undefined;
  const remembered = body.twoFactorProvider === PROVIDER.remember ? body.twoFactorToken : undefined;
  const outcome = await logIn(
    {
      email: body.username,
      masterPasswordHash: body.password,
      twoFactorCode: code,
      twoFactorRemembered: remembered
        ? (user) =>
            rememberTokenValid(remembered, {
              userId: user.id,
              deviceIdentifier: device.identifier,
              twoFactorEnabledAt: user.twoFactorEnabledAt,
            })
        : undefined,
    },
    originFromHeaders(headers),
    (tx, user) => openDeviceSession(tx, user.id, device),
  );
  if (!outcome.ok) return refusal(outcome);
  const { user, session } = outcome;
  const accessToken = await signAccessToken({
    user,
    sessionId: session.sessionId,
    deviceIdentifier: device.identifier,
    clientId: body.client_id,
  });
  const rememberToken =
    body.twoFactorRemember === "1" && code && user.twoFactorEnabledAt
      ? issueRememberToken({
          userId: user.id,
          deviceIdentifier: device.identifier,
          twoFactorEnabledAt: user.twoFactorEnabledAt,
        })
      : null;
  const tokens = {
    accessToken,
    expiresIn: ACCESS_TOKEN_SECONDS,
    refreshToken: session.refreshToken,
    scope: body.scope ?? "api offline_access",
  };
  return json(loginResponse(tokens, session.account, rememberToken));
}

/**
 * `bw login --apikey`: the personal API key instead of the master password and two-step login. The app gets no
 * refresh token (it logs in with the key again) and still needs the master password to unlock.
 */
async function apiKeyLogin(body: z.output<typeof apiKeyGrant>, headers: Headers): Promise<Response> {
  const device = { type: body.deviceType, identifier: body.deviceIdentifier, name: body.deviceName };
  const outcome = await logInWithApiKey(
    { clientId: body.client_id, clientSecret: body.client_secret },
    originFromHeaders(headers),
    (tx, user) => openDeviceSession(tx, user.id, device),
  );
  if (!outcome.ok) {
    countLoginFailure(outcome.reason === "too_many_attempts" ? "too_many_attempts" : "invalid_credentials");
    return outcome.reason === "too_many_attempts"
      ? grantRefused("Too many failed login attempts. Try again in 15 minutes.")
      : grantRefused("client_id or client_secret is incorrect. Try again.", "invalid_client");
  }
  const { user, session } = outcome;
  const accessToken = await signAccessToken({
    user,
    sessionId: session.sessionId,
    deviceIdentifier: device.identifier,
    clientId: body.client_id,
  });
  const tokens = { accessToken, expiresIn: ACCESS_TOKEN_SECONDS, refreshToken: null, scope: body.scope ?? "api" };
  return json(loginResponse(tokens, session.account, null));
}

function refusal(outcome: Extract<LoginOutcome<unknown>, { ok: false }>): Response {
  if (outcome.reason !== "two_factor_required") countLoginFailure(outcome.reason);
  switch (outcome.reason) {
    case "two_factor_required":
      return json(twoFactorChallenge(), 400);
    case "too_many_attempts":
      return grantRefused("Too many failed login attempts. Try again in 15 minutes.");
    case "invalid_two_factor_code":
      return grantRefused("Two-step token is invalid. Try again.");
    case "too_many_two_factor_codes":
      return grantRefused("Too many wrong two-step login codes. Try again in 15 minutes.");
    case "invalid_credentials":
      return grantRefused(WRONG_CREDENTIALS);
    case "server_busy":
      return serverBusy();
  }
}

/** Every bcrypt worker is taken (lib/server/password-hashing.ts): nothing was checked, and a retry will do. */
function serverBusy(): Response {
  const response = json(grantError(SERVER_BUSY, "temporarily_unavailable"), 503);
  response.headers.set("Retry-After", "1");
  return response;
}

async function refreshLogin(body: z.output<typeof refreshGrant>): Promise<Response> {
  const refreshed = await refreshDeviceSession(body.refresh_token);
  if (!refreshed) return grantRefused("Your session has ended. Log in again.");
  const accessToken = await signAccessToken({
    user: refreshed.user,
    sessionId: refreshed.sessionId,
    deviceIdentifier: refreshed.deviceIdentifier,
    clientId: body.client_id,
  });
  return json(
    refreshResponse({
      accessToken,
      expiresIn: ACCESS_TOKEN_SECONDS,
      refreshToken: refreshed.refreshToken,
      scope: "api offline_access",
    }),
  );
}
