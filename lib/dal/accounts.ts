import "server-only";
import { and, eq, gt, isNull, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { providerApiKeys, users, userSessions } from "@/db/schema";
import { DEFAULT_KDF_CONFIG, type KdfConfig } from "@/lib/crypto";
import type { ProviderApiAccess } from "@/lib/enums";
import { env } from "@/lib/server/env";
import { passwordHashing } from "@/lib/server/password-hashing";
import type { AccountKeysInput } from "@/lib/validation/account";
import type { EventInput } from "./events";
import { assertScope, type UserScope } from "@/lib/authz/scope-brand";

function bcryptCost(): number {
  return env().KEYHOUSE_BCRYPT_COST;
}

/**
 * What the database keeps of a master password hash the browser derived: its bcrypt, made in a worker thread
 * (lib/server/password-hashing.ts). Throws PasswordHashingBusyError when every worker is taken.
 */
export function storedMasterPasswordHash(masterPasswordHash: string): Promise<string> {
  return passwordHashing().hash(masterPasswordHash, bcryptCost());
}

/** Compared against when the email is unknown, so a wrong email costs the same time as a wrong password. */
const decoyHashes = new Map<number, Promise<string>>();
function decoy(): Promise<string> {
  const cost = bcryptCost();
  let hashed = decoyHashes.get(cost);
  if (!hashed) {
    hashed = passwordHashing().hash("keyhouse-decoy-master-password-hash", cost);
    // A refused or failed hash is asked for again next time rather than remembered.
    hashed.catch(() => decoyHashes.delete(cost));
    decoyHashes.set(cost, hashed);
  }
  return hashed;
}

/**
 * Compares with the stored bcrypt; with none (an unknown email) compares with a decoy, so both cost the same time.
 * Throws PasswordHashingBusyError when every worker is taken: nothing was checked.
 */
export async function masterPasswordHashMatches(
  masterPasswordHash: string,
  stored: string | undefined,
): Promise<boolean> {
  const matches = await passwordHashing().compare(masterPasswordHash, stored ?? (await decoy()));
  return stored !== undefined && matches;
}

/** An account's KDF configuration (lib/crypto's KdfConfig), for the selects that read it. */
export const kdfColumns = {
  kdf: users.kdfType,
  kdfIterations: users.kdfIterations,
  kdfMemory: users.kdfMemory,
  kdfParallelism: users.kdfParallelism,
};

/** Pre-login answers for every email: unknown addresses get the defaults, so it does not reveal who has an account. */
export async function getKdfConfig(email: string): Promise<KdfConfig> {
  const db = await getDb();
  const [user] = await db.select(kdfColumns).from(users).where(eq(users.email, email));
  return user ?? DEFAULT_KDF_CONFIG;
}

/** A new account's row: keys the browser derived, and whether a followed link proved its address. */
export type NewAccount = AccountKeysInput & { email: string; name: string; emailVerified?: boolean };

/** Stores bcrypt of the browser-derived master password hash, never the hash itself. */
export async function createAccount(executor: Executor, input: NewAccount): Promise<{ id: string }> {
  const masterPasswordHash = await storedMasterPasswordHash(input.masterPasswordHash);
  const [created] = await executor
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      kdfType: input.kdf,
      kdfIterations: input.kdfIterations,
      kdfMemory: input.kdfMemory,
      kdfParallelism: input.kdfParallelism,
      masterPasswordHash,
      key: input.key,
      publicKey: input.publicKey,
      privateKey: input.privateKey,
      emailVerified: input.emailVerified ?? false,
    })
    .returning({ id: users.id });
  if (!created) throw new Error("account insert returned no row");
  return created;
}

/** The account of an address, if any: a registration mail says so instead of carrying a link. */
export async function findAccountIdByEmail(executor: Executor, email: string): Promise<string | null> {
  const [row] = await executor.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id ?? null;
}

/**
 * Marks an address verified: a link sent to it was followed (DESIGN §11). Returns the account whose flag this
 * changed, if any, so the caller records the verification once.
 */
export async function markEmailVerified(executor: Executor, email: string): Promise<string | null> {
  const [row] = await executor
    .update(users)
    .set({ emailVerified: true })
    .where(and(eq(users.email, email), eq(users.emailVerified, false)))
    .returning({ id: users.id });
  return row?.id ?? null;
}

/**
 * Accepting an invitation or completing provider setup, signed in as the address the link was sent to, proves that
 * address: the account is verified from then on, and the first time is recorded.
 */
export async function verifyEmailByAcceptedLink(
  tx: Executor,
  email: string,
  record: (event: EventInput) => Promise<void>,
): Promise<void> {
  const userId = await markEmailVerified(tx, email);
  if (userId) await record({ type: "user_email_verified", userId });
}

/** Who a session cookie or an app's access token says the caller is: trusted only once the database agrees. */
export type SessionClaims = { userId: string; securityStamp: string; sessionId: string };

/**
 * Who a provider API key says the caller is: the admin who made it, in the key's provider alone and only for reads
 * when the key is read-only (lib/authz/scope.ts). Trusted, like a session, only while the key is not revoked.
 */
export type ApiKeyClaims = { userId: string; apiKeyId: string; providerId: string; access: ProviderApiAccess };

export type CallerClaims = SessionClaims | ApiKeyClaims;

const isApiKeyClaims = (claims: CallerClaims | null): claims is ApiKeyClaims => claims !== null && "apiKeyId" in claims;

/** The signed-in user's columns every scope is built from. */
export const sessionUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  emailVerified: users.emailVerified,
};

/**
 * The condition on `users` joined to `user_sessions` that makes the claims good: the session's row is the user's,
 * neither revoked (logout) nor expired, and the security stamp is still current (a password change rotates it).
 */
function validSession(claims: SessionClaims): SQL | undefined {
  return and(
    eq(users.id, claims.userId),
    eq(users.securityStamp, claims.securityStamp),
    eq(userSessions.id, claims.sessionId),
    eq(userSessions.userId, users.id),
    isNull(userSessions.revokedAt),
    gt(userSessions.expiresAt, sql`now()`),
  );
}

/** The condition on `users` joined to `provider_api_keys`: the key is the one claimed, made by the user, not revoked. */
function validApiKey(claims: ApiKeyClaims): SQL | undefined {
  return and(
    eq(users.id, claims.userId),
    eq(providerApiKeys.id, claims.apiKeyId),
    eq(providerApiKeys.createdBy, users.id),
    isNull(providerApiKeys.revokedAt),
  );
}

/** The row that vouches for the caller (their session, or the API key they present) and the condition on it. */
export function callerVoucher(claims: CallerClaims) {
  return isApiKeyClaims(claims)
    ? { table: providerApiKeys, condition: validApiKey(claims) }
    : { table: userSessions, condition: validSession(claims) };
}

/**
 * The signed-in user, if the claims are good (validSession). One query: every request pays for it, or for a gate's
 * read that checks the session along with a membership (lib/dal/access.ts). Scope-less: every scope is built from it.
 */
export async function findSessionUser(claims: CallerClaims) {
  const db = await getDb();
  const voucher = callerVoucher(claims);
  const [user] = await db.select(sessionUserColumns).from(users).innerJoin(voucher.table, voucher.condition);
  return user ?? null;
}

/** The signed-in user's own profile (settings pages); `twoFactorEnabledAt` is null while two-step login is off. */
export async function getAccountProfile(scope: UserScope) {
  const { userId } = assertScope(scope);
  const db = await getDb();
  const [profile] = await db
    .select({
      name: users.name,
      email: users.email,
      ...kdfColumns,
      publicKey: users.publicKey,
      twoFactorEnabledAt: users.twoFactorEnabledAt,
      hasApiKey: sql<boolean>`${users.apiKeyHash} is not null`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!profile) throw new Error("signed-in user has no account row");
  return profile;
}

/**
 * Records the id the official apps give the caller's user key, unless one is recorded (the apps send it only while
 * their sync shows none). Answers whether this call recorded it.
 */
export async function recordUserKeyId(executor: Executor, scope: UserScope, userKeyId: string): Promise<boolean> {
  const { userId } = assertScope(scope);
  const recorded = await executor
    .update(users)
    .set({ userKeyId })
    .where(and(eq(users.id, userId), isNull(users.userKeyId)))
    .returning({ id: users.id });
  return recorded.length > 0;
}
