import "server-only";
import { eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { users } from "@/db/schema";
import { appUrl } from "@/lib/config";
import { twoFactorDisabledMail } from "@/lib/mail/account-mail";
import { deliverPendingMail, enqueueMail } from "@/lib/mail/outbox";
import { masterPasswordHashMatches } from "./accounts";
import { type EventInput, type EventOrigin, insertEvent } from "./events";
import { redeemSecondFactor } from "./two-factor";
import { reportTwoStepLoginRevocations, revokeFromOrganizationsRequiringTwoStepLogin } from "./two-step-login-policy";

export type AuthenticatedUser = { id: string; email: string; name: string; securityStamp: string };

export type LoginCredentials = { email: string; masterPasswordHash: string; twoFactorCode?: string };

export type LoginOutcome =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid_credentials" | "two_factor_required" | "invalid_two_factor_code" };

/**
 * Checks a login: the master password hash (the same bcrypt work whether or not the email exists), then, once
 * two-step login is on, the code. As in Bitwarden, the request for a code comes only after a correct password.
 * Known accounts get "logged in", "login failed" or "wrong two-step code" events.
 */
export async function logIn(credentials: LoginCredentials, origin: EventOrigin): Promise<LoginOutcome> {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      securityStamp: users.securityStamp,
      hash: users.masterPasswordHash,
      twoFactorEnabledAt: users.twoFactorEnabledAt,
    })
    .from(users)
    .where(eq(users.email, credentials.email));
  if (!(await masterPasswordHashMatches(credentials.masterPasswordHash, user?.hash))) {
    if (user) await insertEvent(db, { type: "user_login_failed", actingUserId: user.id, userId: user.id, ...origin });
    return { ok: false, reason: "invalid_credentials" };
  }
  if (user!.twoFactorEnabledAt) {
    if (!credentials.twoFactorCode) return { ok: false, reason: "two_factor_required" };
    if (!(await passSecondStep(user!, credentials.twoFactorCode, origin))) return { ok: false, reason: "invalid_two_factor_code" };
  }
  await insertEvent(db, { type: "user_logged_in", actingUserId: user!.id, userId: user!.id, ...origin });
  const { id, email, name, securityStamp } = user!;
  return { ok: true, user: { id, email, name, securityStamp } };
}

/**
 * Checks the code in one transaction with what it causes: a wrong code is recorded; the recovery code turns two-step
 * login off, is used up, revokes the person from organizations that require two-step login, and is mailed about.
 */
async function passSecondStep(user: { id: string; email: string }, code: string, origin: EventOrigin): Promise<boolean> {
  const queued: string[] = [];
  const passed = await (await getDb()).transaction(async (tx) => {
    const record = (event: EventInput) => insertEvent(tx, { actingUserId: user.id, userId: user.id, ...event, ...origin });
    const factor = await redeemSecondFactor(tx, user.id, code);
    if (!factor) {
      await record({ type: "user_login_failed_two_factor" });
      return false;
    }
    if (factor === "recovery_code") await recoverAccess(tx, user, record, (id) => queued.push(id));
    return true;
  });
  if (queued.length > 0) await deliverPendingMail(queued);
  return passed;
}

async function recoverAccess(
  tx: Executor,
  user: { id: string; email: string },
  record: (event: EventInput) => Promise<void>,
  queue: (mailId: string) => void,
): Promise<void> {
  const mail = async (message: Parameters<typeof enqueueMail>[1]) => queue(await enqueueMail(tx, message));
  await record({ type: "user_recovered_two_factor" });
  await mail({ to: user.email, ...twoFactorDisabledMail(true, appUrl("/settings/security")) });
  await reportTwoStepLoginRevocations(await revokeFromOrganizationsRequiringTwoStepLogin(tx, user.id), { record, mail });
}
