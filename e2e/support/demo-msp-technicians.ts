/**
 * Service users of Demo MSP that one spec each changes, confirmed (holding the provider key) and reaching all clients:
 * written before the server starts (e2e/support/e2e-database.ts), so the demo's own service user, whom other specs
 * use, keeps its scope and an empty list of access requests.
 */

/** The provider-access spec's: asks a client for its items, is denied, asks again and is approved for an hour. */
export const ACCESS_TECH = {
  email: "access-tech@e2e.example",
  name: "Ava Access",
  password: "access technician master password",
};

export const DEMO_MSP_TECHNICIANS = [ACCESS_TECH] as const;
