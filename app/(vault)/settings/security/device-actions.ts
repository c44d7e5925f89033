"use server";

import { defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { user } from "@/lib/authz/scope-rules";
import { currentSessionId } from "@/lib/auth/session";
import { assertMasterPasswordHash } from "@/lib/dal/account-security";
import { rotateApiKey } from "@/lib/dal/api-keys";
import { revokeSessions } from "@/lib/dal/devices";
import { endOtherSessionsSchema, endSessionSchema, masterPasswordProofSchema } from "@/lib/validation/account-security";

/**
 * The account's sessions (browsers and devices running an official app) and its personal API key. Ending a session
 * revokes its row, which every request checks, so its cookie or tokens stop working at once.
 */

const CURRENT_SESSION = "This is the session you are using. Log out from the account menu instead.";
const NO_SUCH_SESSION = "That session has already ended, or it is not one of yours.";

async function requireCurrentSessionId(): Promise<string> {
  const sessionId = await currentSessionId();
  // The action's gate accepted a session cookie, so this holds; refuse rather than end every session if it does not.
  if (!sessionId) throw new ActionError("Your session could not be identified. Sign in again.");
  return sessionId;
}

/** Logs out one other session of the account; the current one is left to the ordinary Log out. */
export const endSessionAction = defineAction({
  name: "account.sessions.end",
  input: endSessionSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    if (input.sessionId === (await requireCurrentSessionId())) throw new ActionError(CURRENT_SESSION);
    const count = await revokeSessions(tx, scope, { sessionId: input.sessionId });
    if (count === 0) throw new ActionError(NO_SUCH_SESSION);
    await record({ type: "user_sessions_ended", userId: scope.userId, details: { count } });
    return { count };
  },
});

/** Logs out every session of the account but the one making the request. */
export const endOtherSessionsAction = defineAction({
  name: "account.sessions.endOthers",
  input: endOtherSessionsSchema,
  scope: user(),
  async run({ scope, tx, record }) {
    const count = await revokeSessions(tx, scope, { allBut: await requireCurrentSessionId() });
    await record({ type: "user_sessions_ended", userId: scope.userId, details: { count } });
    return { count };
  },
});

/**
 * Makes a new personal API key (for `bw login --apikey`) after the master password hash, voiding the old one.
 * The secret is answered once; the server keeps only its SHA-256.
 */
export const rotateApiKeyAction = defineAction({
  name: "account.apiKey.rotate",
  input: masterPasswordProofSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    await assertMasterPasswordHash(tx, scope, input.masterPasswordHash);
    const key = await rotateApiKey(tx, scope);
    await record({ type: "user_api_key_rotated", userId: scope.userId });
    return key;
  },
});
