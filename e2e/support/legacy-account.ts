/**
 * An account made before registration verified addresses (the realistic unverified case: every account created
 * now is verified by the link it was made from). Its address is in the e2e server's ADMIN_EMAILS, and
 * e2e/support/seed-before-start.ts writes it into the e2e database before the server starts.
 */
export const LEGACY_OPERATOR = {
  email: "legacy-operator@keyhouse.test",
  name: "Legacy Operator",
  password: "legacy operator master password",
};
