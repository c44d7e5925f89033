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
