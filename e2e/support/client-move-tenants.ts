/**
 * The client-move spec's tenants, written before the server starts (e2e/support/e2e-database.ts): a client of Demo
 * MSP with 2 seats, which brings Demo MSP's Enterprise seats to its minimum of 10 until it moves, and the provider
 * it moves to. The spec moves it once per run; the e2e database is fresh for every run.
 */
export const MOVE = {
  client: {
    name: "Willow Dental",
    seats: 2,
    owner: { email: "willow-owner@e2e.example", name: "Wren Willow", password: "wren willow master password" },
  },
  provider: {
    name: "Harbor IT",
    billingEmail: "billing@harbor-it.example",
    admin: { email: "harbor-admin@e2e.example", name: "Hal Harbor", password: "hal harbor master password" },
    /** A service user reaching all of Harbor IT's clients, the moved one too once it arrives. */
    technician: { email: "harbor-tech@e2e.example", name: "Tam Harbor", password: "tam harbor master password" },
  },
};
