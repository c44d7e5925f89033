import "server-only";
import { and, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loginThrottles } from "@/db/schema";
import { LOGIN_THROTTLE } from "@/lib/account-security/login-throttle";

/**
 * Failed logins counted in PostgreSQL (login_throttles), so every app instance sees the same counts. Limits and
 * lengths are in lib/account-security/login-throttle.ts.
 */

type ThrottleKey = { key: string; maxFailures: number };

export type LoginThrottleKeys = { account: ThrottleKey; address: ThrottleKey | null };

const minutes = (count: number) => sql`${count}::int * interval '1 minute'`;
const windowOver = sql`${loginThrottles.windowStartedAt} <= now() - ${minutes(LOGIN_THROTTLE.windowMinutes)}`;

/** The counters an attempt counts against: its account, by (normalised) email, and its client's address when known. */
export function loginThrottleKeys(email: string, ip: string | null): LoginThrottleKeys {
  return {
    account: { key: `account:${email}`, maxFailures: LOGIN_THROTTLE.account.maxFailures },
    address: ip ? { key: `address:${ip}`, maxFailures: LOGIN_THROTTLE.address.maxFailures } : null,
  };
}

function keyList(keys: LoginThrottleKeys): ThrottleKey[] {
  return keys.address ? [keys.account, keys.address] : [keys.account];
}

/** Whether the account or the address is refused for now: one indexed read, asked before any bcrypt work. */
export async function loginThrottled(executor: Executor, keys: LoginThrottleKeys): Promise<boolean> {
  const [row] = await executor
    .select({ key: loginThrottles.key })
    .from(loginThrottles)
    .where(
      and(
        inArray(
          loginThrottles.key,
          keyList(keys).map((entry) => entry.key),
        ),
        gt(loginThrottles.blockedUntil, sql`now()`),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Counts one failure against a key in a single statement (concurrent failures wait on the row, none is lost): a new
 * window starts once the last one is over, and the failure that reaches the limit starts the block. Answers the
 * count within the window and whether the key is blocked now.
 */
async function countFailure(
  executor: Executor,
  { key, maxFailures }: ThrottleKey,
): Promise<{ failures: number; blocked: boolean }> {
  const failures = sql`case when ${windowOver} then 1 else ${loginThrottles.failures} + 1 end`;
  const [row] = await executor
    .insert(loginThrottles)
    .values({ key, failures: 1, windowStartedAt: sql`now()` })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: {
        failures,
        windowStartedAt: sql`case when ${windowOver} then now() else ${loginThrottles.windowStartedAt} end`,
        blockedUntil: sql`case when ${failures} >= ${maxFailures}::int then now() + ${minutes(LOGIN_THROTTLE.blockMinutes)} else ${loginThrottles.blockedUntil} end`,
      },
    })
    .returning({
      failures: loginThrottles.failures,
      blocked: sql<boolean>`coalesce(${loginThrottles.blockedUntil} > now(), false)`,
    });
  if (!row) throw new Error("login throttle upsert returned no row");
  return row;
}

/**
 * Counts a failed login against the account and the address. Answers whether either is refused from now on, and
 * whether this failure is the one that blocked the account (worth an event, once per block).
 */
export async function countLoginFailure(
  executor: Executor,
  keys: LoginThrottleKeys,
): Promise<{ blocked: boolean; accountJustBlocked: boolean }> {
  const account = await countFailure(executor, keys.account);
  const address = keys.address ? await countFailure(executor, keys.address) : null;
  return {
    blocked: account.blocked || (address?.blocked ?? false),
    accountJustBlocked: account.failures === keys.account.maxFailures,
  };
}

/**
 * After a successful login: the account's failures are forgotten (the address's are not, or one working account
 * would reset an address that tries many), and so is every row whose window and block are over, so the table
 * holds only recent failures. Rows another login holds are skipped, never waited for: no deadlock with counting.
 */
export async function forgetLoginFailures(executor: Executor, keys: LoginThrottleKeys): Promise<void> {
  await executor.delete(loginThrottles).where(eq(loginThrottles.key, keys.account.key));
  const over = executor
    .select({ key: loginThrottles.key })
    .from(loginThrottles)
    .where(and(windowOver, or(isNull(loginThrottles.blockedUntil), lte(loginThrottles.blockedUntil, sql`now()`))))
    .for("update", { skipLocked: true });
  await executor.delete(loginThrottles).where(inArray(loginThrottles.key, over));
}
