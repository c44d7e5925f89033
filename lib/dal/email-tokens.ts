import "server-only";
import { eq } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { emailTokens } from "@/db/schema";
import { ActionError } from "@/lib/authz/action-error";
import { EMAIL_LINK_LIFETIME_HOURS } from "@/lib/validation/account";
import { secretHash } from "@/lib/server/secret-token";
import { newLinkToken } from "./invitations";

/**
 * Links that prove an address (DESIGN §11): `registration` finishes a new account, `verification` verifies an
 * existing account's address. Like invitations they are stored as SHA-256, bound to one address and single-use.
 */
export type EmailTokenPurpose = "registration" | "verification";
type EmailTokenRow = typeof emailTokens.$inferSelect;

const EMAIL_TOKEN_LIFETIME_MS = EMAIL_LINK_LIFETIME_HOURS * 60 * 60 * 1000;

export type EmailTokenProblem = "invalid" | "used" | "expired";

export const EMAIL_TOKEN_PROBLEMS: Record<EmailTokenProblem, string> = {
  invalid: "This link is not valid. Request a new one.",
  used: "This link has already been used.",
  expired: "This link has expired. Request a new one.",
};

export async function createEmailToken(
  executor: Executor,
  purpose: EmailTokenPurpose,
  email: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + EMAIL_TOKEN_LIFETIME_MS);
  await executor.insert(emailTokens).values({ purpose, email, tokenHash, expiresAt });
  return { token, expiresAt };
}

/** What is wrong with a link for this purpose, if anything: a verification link never finishes a registration. */
export function emailTokenProblem(
  row: EmailTokenRow | undefined,
  purpose: EmailTokenPurpose,
  now = new Date(),
): EmailTokenProblem | null {
  if (!row || row.purpose !== purpose) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return null;
}

async function findEmailToken(
  executor: Executor,
  token: string,
  { lock = false } = {},
): Promise<EmailTokenRow | undefined> {
  const query = executor
    .select()
    .from(emailTokens)
    .where(eq(emailTokens.tokenHash, secretHash(token)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** Uses a link up in the caller's transaction; the row is locked, so two tabs following it at once cannot both succeed. */
export async function consumeEmailToken(
  tx: Executor,
  token: string,
  purpose: EmailTokenPurpose,
): Promise<EmailTokenRow> {
  const row = await findEmailToken(tx, token, { lock: true });
  const problem = emailTokenProblem(row, purpose);
  if (problem) throw new ActionError(EMAIL_TOKEN_PROBLEMS[problem]);
  await tx.update(emailTokens).set({ usedAt: new Date() }).where(eq(emailTokens.id, row!.id));
  return row!;
}

/** What a page may show for a link before anyone acts on it: the address it proves, or what is wrong with it. */
export async function describeEmailToken(
  token: string,
  purpose: EmailTokenPurpose,
): Promise<{ email: string | null; problem: string | null }> {
  const row = await findEmailToken(await getDb(), token);
  const problem = emailTokenProblem(row, purpose);
  return problem ? { email: null, problem: EMAIL_TOKEN_PROBLEMS[problem] } : { email: row!.email, problem: null };
}
