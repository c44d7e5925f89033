/**
 * People some specs need but no spec is about making, written into the e2e database before the server starts
 * (e2e/support/e2e-database.ts): for the page-isolation and accessibility walks, an account that belongs to no
 * tenant, an operator (listed in playwright.config.ts's ADMIN_EMAILS) and the admin of a second provider; for the
 * login throttle, an account to lock out. Making them through the pages is what the auth, operator and portal specs
 * already do.
 */
export const UNRELATED = { email: "unrelated@e2e.example", name: "Una Related", password: "unrelated user password" };

export const OPERATOR = {
  email: "operator@keyhouse.test",
  name: "Opal Operator",
  password: "operator master password",
};

export const OTHER_PROVIDER = {
  name: "Other MSP",
  admin: { email: "other-admin@e2e.example", name: "Otto Admin", password: "other provider admin password" },
};

/** The login-throttle test's account: its failed logins pause it for 15 minutes, so nobody else uses it. */
export const THROTTLED = {
  email: "throttled@e2e.example",
  name: "Tom Throttled",
  password: "the right master password",
};

/**
 * Accounts that one test each changes in ways nobody else may see (a new master password, two-step login, a vault
 * timeout, deletion, a personal vault emptied): fresh for every run, since the e2e database is. Registration itself is
 * the auth spec's subject.
 */
export const OWN_ACCOUNTS = {
  passwordChange: { email: "morgan@e2e.example", name: "Morgan Password", password: "morgan master password for e2e" },
  twoStep: { email: "tess@e2e.example", name: "Tess Twostep", password: "tess master password for e2e" },
  idleLock: { email: "ivy@e2e.example", name: "Ivy Idle", password: "ivy master password for e2e" },
  idleLogOut: { email: "olive-out@e2e.example", name: "Olive Out", password: "olive master password for e2e" },
  deletion: { email: "dana@e2e.example", name: "Dana Delete", password: "dana master password for e2e" },
  bulkChanges: { email: "bea@e2e.example", name: "Bea Bulk", password: "bea bulk master password" },
  attachments: { email: "ada@e2e.example", name: "Ada Attach", password: "ada attach master password" },
  cspTwoStep: { email: "casey@e2e.example", name: "Casey Policy", password: "csp e2e master password" },
  cliTwoStep: { email: "tia@e2e.example", name: "Tia Twostep", password: "tia twostep master password" },
} as const;
