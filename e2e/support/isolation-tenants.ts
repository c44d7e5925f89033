/**
 * The page-isolation and accessibility specs' own people, written into the e2e database before the server starts
 * (e2e/support/e2e-database.ts): an account that belongs to no tenant, an operator (listed in playwright.config.ts's
 * ADMIN_EMAILS) and the admin of a second provider. Making them through the pages is what the auth, operator and
 * portal specs already do.
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
