import "server-only";
import bcrypt from "bcryptjs";
import { and, eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { users } from "@/db/schema";
import { DEFAULT_KDF_ITERATIONS, KDF_PBKDF2_SHA256 } from "@/lib/crypto";
import type { RegisterInput } from "@/lib/validation/account";
import { assertScope, type UserScope } from "@/lib/authz/scope";
import { type EventOrigin, insertEvent } from "./events";

function bcryptCost(): number {
  const cost = Number(process.env.KEYHOUSE_BCRYPT_COST || 12);
  return Number.isInteger(cost) && cost >= 4 && cost <= 15 ? cost : 12;
}

/** Compared against when the email is unknown, so a wrong email costs the same time as a wrong password. */
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= bcrypt.hash("keyhouse-decoy-master-password-hash", bcryptCost());
  return decoyHash;
}

export type KdfParameters = { kdf: number; kdfIterations: number };

/** Pre-login answers for every email: unknown addresses get the defaults, so it does not reveal who has an account. */
export async function getKdfParameters(email: string): Promise<KdfParameters> {
  const db = await getDb();
  const [user] = await db
    .select({ kdf: users.kdfType, kdfIterations: users.kdfIterations })
    .from(users)
    .where(eq(users.email, email));
  return user ?? { kdf: KDF_PBKDF2_SHA256, kdfIterations: DEFAULT_KDF_ITERATIONS };
}

export async function emailIsRegistered(executor: Executor, email: string): Promise<boolean> {
  const [row] = await executor.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row !== undefined;
}

/** Stores bcrypt of the browser-derived master password hash, never the hash itself. */
export async function createAccount(executor: Executor, input: RegisterInput): Promise<{ id: string }> {
  const masterPasswordHash = await bcrypt.hash(input.masterPasswordHash, bcryptCost());
  const [created] = await executor
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      kdfType: input.kdf,
      kdfIterations: input.kdfIterations,
      masterPasswordHash,
      key: input.key,
      publicKey: input.publicKey,
      privateKey: input.privateKey,
    })
    .returning({ id: users.id });
  if (!created) throw new Error("account insert returned no row");
  return created;
}

export type AuthenticatedUser = { id: string; email: string; name: string; securityStamp: string };

/**
 * Checks an email and master password hash; does the same bcrypt work whether or not the email exists.
 * Known accounts get a "logged in" or "login failed" event.
 */
export async function verifyCredentials(
  email: string,
  masterPasswordHash: string,
  origin: EventOrigin,
): Promise<AuthenticatedUser | null> {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      securityStamp: users.securityStamp,
      hash: users.masterPasswordHash,
    })
    .from(users)
    .where(eq(users.email, email));
  const matches = await bcrypt.compare(masterPasswordHash, user?.hash ?? (await decoy()));
  if (!user) return null;
  const type = matches ? "user_logged_in" : "user_login_failed";
  await insertEvent(db, { type, actingUserId: user.id, userId: user.id, ...origin });
  if (!matches) return null;
  return { id: user.id, email: user.email, name: user.name, securityStamp: user.securityStamp };
}

/** The signed-in user, if the session's security stamp is still current (a password change rotates it). */
export async function findSessionUser(userId: string, securityStamp: string) {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.securityStamp, securityStamp)));
  return user ?? null;
}

/** The signed-in user's own profile (settings page). */
export async function getAccountProfile(scope: UserScope) {
  const { userId } = assertScope(scope);
  const db = await getDb();
  const [profile] = await db
    .select({ name: users.name, email: users.email, kdfIterations: users.kdfIterations, publicKey: users.publicKey })
    .from(users)
    .where(eq(users.id, userId));
  if (!profile) throw new Error("signed-in user has no account row");
  return profile;
}
