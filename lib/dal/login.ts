import "server-only";
import { timingSafeEqual } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { events, users } from "@/db/schema";
import type { EventType } from "@/lib/events/event-types";
import { deliverPendingMail } from "@/lib/mail/outbox";
import { PasswordHashingBusyError } from "@/lib/server/password-hashing";
import { secretHash } from "@/lib/server/secret-token";
import { enqueueMail, type MailMessage } from "./mail-outbox";
import { masterPasswordHashMatches } from "./accounts";
import { type EventInput, type EventOrigin, insertEvent } from "./events";
import { uuidSchema } from "@/lib/validation/common";
import { API_KEY_CLIENT_PREFIX } from "./api-keys";
import {
  countLoginFailure,
  forgetLoginFailures,
  loginThrottled,
  loginThrottleKeys,
  type LoginThrottleKeys,
} from "./login-throttle";
import { redeemSecondFactor } from "./two-factor";
import { reportTwoStepLoginTurnedOff } from "./two-step-login-policy";

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  securityStamp: string;
  /** When two-step login was turned on; null while it is off. */
  twoFactorEnabledAt: Date | null;
};

export type LoginCredentials = {
  email: string;
  masterPasswordHash: string;
  twoFactorCode?: string;
  /** An app's "remember me" token for this device stands in for the code when it holds (DESIGN §12). */
  twoFactorRemembered?: (user: { id: string; twoFactorEnabledAt: Date }) => boolean;
};

/** The account's columns a login answers with, whatever the credential. */
const AUTHENTICATED_COLUMNS = {
  id: users.id,
  email: users.email,
  name: users.name,
  emailVerified: users.emailVerified,
  securityStamp: users.securityStamp,
  twoFactorEnabledAt: users.twoFactorEnabledAt,
};

/** What a successful login opens, in the transaction of its event: a browser session, or a device's (DESIGN §12). */
export type SessionOpener<S> = (tx: Executor, user: AuthenticatedUser) => Promise<S>;

export type LoginOutcome<S> =
  | { ok: true; user: AuthenticatedUser; session: S }
  | {
      ok: false;
      reason:
        | "invalid_credentials"
        | "too_many_attempts"
        | "two_factor_required"
        | "invalid_two_factor_code"
        | "too_many_two_factor_codes"
        | "server_busy";
    };

/**
 * Wrong two-step login codes an account may see before codes are refused for a while (even right ones): with six
 * digits and three accepted steps, guessing would otherwise take hours, not years.
 */
const MAX_WRONG_CODES = 5;
const WRONG_CODES_WINDOW = sql`interval '15 minutes'`;

/**
 * Checks a login: first the throttle (lib/dal/login-throttle.ts), then the master password hash (the same bcrypt
 * work whether or not the email exists), then, once two-step login is on, the code. As in Bitwarden, the request for
 * a code comes only after a correct password. Known accounts get "logged in", "login failed", "logins paused" or
 * "wrong two-step code" events. While every bcrypt worker is taken the answer is "server_busy", checked nothing.
 */
export async function logIn<S>(
  credentials: LoginCredentials,
  origin: EventOrigin,
  open: SessionOpener<S>,
): Promise<LoginOutcome<S>> {
  const db = await getDb();
  const throttle = loginThrottleKeys(credentials.email, origin.ip);
  // Refused before the costly bcrypt work: while throttled, an attempt costs one read and is not counted.
  if (await loginThrottled(db, throttle)) return { ok: false, reason: "too_many_attempts" };
  const [user] = await db
    .select({ ...AUTHENTICATED_COLUMNS, hash: users.masterPasswordHash })
    .from(users)
    .where(eq(users.email, credentials.email));
  let matches: boolean;
  try {
    matches = await masterPasswordHashMatches(credentials.masterPasswordHash, user?.hash);
  } catch (error) {
    // Nothing was checked: neither counted by the throttle nor recorded, and the caller answers "try again".
    if (error instanceof PasswordHashingBusyError) return { ok: false, reason: "server_busy" };
    throw error;
  }
  if (!matches) return failedLogin(throttle, user ?? null, origin);
  const remembered = (enabledAt: Date) =>
    credentials.twoFactorRemembered?.({ id: user!.id, twoFactorEnabledAt: enabledAt }) === true;
  if (user!.twoFactorEnabledAt && !remembered(user!.twoFactorEnabledAt)) {
    if (!credentials.twoFactorCode) return { ok: false, reason: "two_factor_required" };
    const step = await passSecondStep(user!, credentials.twoFactorCode, origin);
    if (step !== "passed")
      return { ok: false, reason: step === "locked" ? "too_many_two_factor_codes" : "invalid_two_factor_code" };
  }
  const { hash: _hash, ...authenticated } = user!;
  return succeededLogin(throttle, authenticated, origin, open);
}

/** A wrong credential: counted by the throttle, and in the account's events when the account exists. */
async function failedLogin(
  throttle: LoginThrottleKeys,
  user: { id: string } | null,
  origin: EventOrigin,
): Promise<{ ok: false; reason: "too_many_attempts" | "invalid_credentials" }> {
  const { blocked } = await (
    await getDb()
  ).transaction(async (tx) => {
    const counted = await countLoginFailure(tx, throttle);
    if (user) {
      const record = (type: EventType) => insertEvent(tx, { type, actingUserId: user.id, userId: user.id, ...origin });
      await record("user_login_failed");
      if (counted.accountJustBlocked) await record("user_login_throttled");
    }
    return counted;
  });
  return { ok: false, reason: blocked ? "too_many_attempts" : "invalid_credentials" };
}

/** A login that passed: the throttle forgets the account's failures, the event is written, the session opened. */
async function succeededLogin<S>(
  throttle: LoginThrottleKeys,
  user: AuthenticatedUser,
  origin: EventOrigin,
  open: SessionOpener<S>,
): Promise<LoginOutcome<S>> {
  const session = await (
    await getDb()
  ).transaction(async (tx) => {
    await forgetLoginFailures(tx, throttle);
    await insertEvent(tx, { type: "user_logged_in", actingUserId: user.id, userId: user.id, ...origin });
    return open(tx, user);
  });
  return { ok: true, user, session };
}

export type ApiKeyCredentials = { clientId: string; clientSecret: string };

/**
 * Checks a personal API key login (`bw login --apikey`): the same throttle, events and session as a password login.
 * As in Bitwarden, the key stands in for the master password and two-step login (the vault still needs the master
 * password to unlock). An unknown client id costs the same hash as a known one.
 */
export async function logInWithApiKey<S>(
  credentials: ApiKeyCredentials,
  origin: EventOrigin,
  open: SessionOpener<S>,
): Promise<LoginOutcome<S>> {
  const db = await getDb();
  const userId = credentials.clientId.startsWith(API_KEY_CLIENT_PREFIX)
    ? uuidSchema.safeParse(credentials.clientId.slice(API_KEY_CLIENT_PREFIX.length))
    : null;
  const [user] = userId?.success
    ? await db
        .select({ ...AUTHENTICATED_COLUMNS, apiKeyHash: users.apiKeyHash })
        .from(users)
        .where(eq(users.id, userId.data))
    : [];
  const throttle = loginThrottleKeys(user?.email ?? credentials.clientId.toLowerCase(), origin.ip);
  if (await loginThrottled(db, throttle)) return { ok: false, reason: "too_many_attempts" };
  const given = Buffer.from(secretHash(credentials.clientSecret));
  const stored = Buffer.from(user?.apiKeyHash ?? "".padEnd(64, "0"));
  if (!user?.apiKeyHash || !timingSafeEqual(given, stored)) return failedLogin(throttle, user ?? null, origin);
  const { apiKeyHash: _stored, ...authenticated } = user;
  return succeededLogin(throttle, authenticated, origin, open);
}

/**
 * Checks the code in one transaction with what it causes: a wrong code is recorded; the recovery code turns two-step
 * login off, is used up, revokes the person from organizations that require two-step login, and is mailed about.
 */
async function passSecondStep(
  user: { id: string; email: string },
  code: string,
  origin: EventOrigin,
): Promise<"passed" | "wrong" | "locked"> {
  const queued: string[] = [];
  const outcome = await (
    await getDb()
  ).transaction(async (tx) => {
    const record = (event: EventInput) =>
      insertEvent(tx, { actingUserId: user.id, userId: user.id, ...event, ...origin });
    // The row lock makes concurrent guesses for one account count one after the other.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    if ((await recentWrongCodes(tx, user.id)) >= MAX_WRONG_CODES) return "locked";
    const factor = await redeemSecondFactor(tx, user.id, code);
    if (!factor) {
      await record({ type: "user_login_failed_two_factor" });
      return "wrong";
    }
    if (factor === "recovery_code") {
      const mail = async (message: MailMessage) => {
        queued.push(await enqueueMail(tx, message));
      };
      await reportTwoStepLoginTurnedOff(tx, { userId: user.id, email: user.email }, factor, { record, mail });
    }
    return "passed";
  });
  if (queued.length > 0) await deliverPendingMail(queued);
  return outcome;
}

/** Wrong codes for the account within the window, since its last successful login. */
async function recentWrongCodes(tx: Executor, userId: string): Promise<number> {
  const lastLogin = sql`(select max(${events.occurredAt}) from ${events} where ${events.actingUserId} = ${userId} and ${events.type} = 'user_logged_in')`;
  const [row] = await tx
    .select({ wrong: count() })
    .from(events)
    .where(
      and(
        eq(events.actingUserId, userId),
        eq(events.type, "user_login_failed_two_factor"),
        sql`${events.occurredAt} > greatest(now() - ${WRONG_CODES_WINDOW}, coalesce(${lastLogin}, '-infinity'::timestamptz))`,
      ),
    );
  return row?.wrong ?? 0;
}
