/**
 * Login throttling (lib/dal/login-throttle.ts): failed logins are counted per account (by email, whether or not
 * it exists, so the answer reveals nothing) and per client address. A key that reaches its limit within the window
 * is refused for the block's length, even with the right password, before any bcrypt work. Isomorphic: the login
 * form tells the person how long to wait.
 */
export const LOGIN_THROTTLE = {
  account: { maxFailures: 10 },
  // Higher: many people may share an address (an office behind one NAT).
  address: { maxFailures: 50 },
  windowMinutes: 15,
  // At least the window, so that once a block ends its failures are forgotten too.
  blockMinutes: 15,
} as const;

export const TOO_MANY_LOGIN_ATTEMPTS = `Too many failed login attempts. Try again in ${LOGIN_THROTTLE.blockMinutes} minutes.`;
