/**
 * The technician-scope spec's provider, written before the server starts (e2e/support/e2e-database.ts): an admin, a
 * service user reaching every client until the spec scopes them, and four clients (one owner for all), so that two
 * chosen clients, a client group tagging a third, and a fourth left out are all seen in the browser. No other spec
 * changes it; the e2e database is fresh for every run.
 */
export const SCOPE = {
  provider: {
    name: "Compass IT",
    billingEmail: "billing@compass-it.example",
    admin: { email: "compass-admin@e2e.example", name: "Cora Compass", password: "cora compass master password" },
  },
  technician: { email: "scoped-tech@e2e.example", name: "Scout Scoped", password: "scoped technician master password" },
  owner: { email: "compass-clients-owner@e2e.example", name: "Otto Owner", password: "otto owner master password" },
  /** Chosen for the technician one by one. */
  chosen: ["Alder Accounting", "Brook Dental"],
  /** Tagged with the client group the technician is given. */
  grouped: "Cove Dental",
  /** Out of the technician's reach. */
  outside: "Dune Logistics",
};

export const SCOPE_CLIENTS = [...SCOPE.chosen, SCOPE.grouped, SCOPE.outside];
