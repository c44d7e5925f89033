import "client-only";

/**
 * The steps of a login with the master password, as the login form names them while they run, and the performance
 * marks `npm run bench` (scripts/bench/vault.ts) reads to tell where the time from the click to the vault goes.
 */
export type LoginStep = "deriving" | "signing-in" | "opening";

export const LOGIN_STEP_LABELS: Record<LoginStep, string> = {
  deriving: "Deriving your keys from the master password…",
  "signing-in": "Signing in…",
  // The user key is unwrapped while the vault page loads.
  opening: "Opening your vault…",
};

/** The click (the form submitted). */
export const LOGIN_SUBMITTED_MARK = "keyhouse:login-submitted";
/** The KDF settings in hand (pre-login answered, or answered before the click). */
export const LOGIN_PRELOGIN_MARK = "keyhouse:login-prelogin";
/** Master key and its hash derived. */
export const LOGIN_DERIVED_MARK = "keyhouse:login-derived";
/** The server accepted the hash: the session cookie is set. */
export const LOGIN_SIGNED_IN_MARK = "keyhouse:login-signed-in";
/** The user key unwrapped and in this tab's keyring. */
export const LOGIN_UNLOCKED_MARK = "keyhouse:login-unlocked";

const LOGIN_MARKS = [
  LOGIN_SUBMITTED_MARK,
  LOGIN_PRELOGIN_MARK,
  LOGIN_DERIVED_MARK,
  LOGIN_SIGNED_IN_MARK,
  LOGIN_UNLOCKED_MARK,
];

/** A new attempt: the marks of an earlier one (a wrong password) are dropped, and the click is marked. */
export function markLoginSubmitted(): void {
  LOGIN_MARKS.forEach((name) => performance.clearMarks(name));
  performance.mark(LOGIN_SUBMITTED_MARK);
}
