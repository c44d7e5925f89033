/**
 * The technician-scope spec's own service user of Demo MSP, confirmed (holding the provider key) and reaching all
 * clients until the spec's admin scopes them: written before the server starts (e2e/support/e2e-database.ts), so the
 * demo's own service user, whom other specs use, keeps reaching every client.
 */
export const SCOPED_TECH = {
  email: "scoped-tech@e2e.example",
  name: "Scout Scoped",
  password: "scoped technician master password",
};
