/**
 * The policy baseline spec's provider and its three clients, written before the server starts
 * (e2e/support/e2e-database.ts): the spec applies a baseline to every client of the provider, so it has a provider of
 * its own, whose clients no other spec changes. The e2e database is fresh for every run.
 */
const owner = (first: string, last: string) => ({
  email: `${first.toLowerCase()}-owner@beacon.example`,
  name: `${first} ${last}`,
  password: `${first.toLowerCase()} ${last.toLowerCase()} master password`,
});

export const BASELINE = {
  provider: {
    name: "Beacon IT",
    billingEmail: "billing@beacon-it.example",
    admin: { email: "beacon-admin@e2e.example", name: "Bea Beacon", password: "bea beacon master password" },
  },
  clients: [
    { name: "Aster Dental", owner: owner("Ada", "Aster") },
    { name: "Birch Law", owner: owner("Ben", "Birch") },
    { name: "Cedar Clinic", owner: owner("Cal", "Cedar") },
  ],
};

/**
 * The dashboard's "confirm them all" spec's provider: one client whose member accepted their invitation and waits for
 * confirmation (nobody else's member, so confirming every waiting member confirms only them).
 */
export const CONFIRM = {
  provider: {
    name: "Lantern IT",
    billingEmail: "billing@lantern-it.example",
    admin: { email: "lantern-admin@e2e.example", name: "Lou Lantern", password: "lou lantern master password" },
  },
  client: {
    name: "Lantern Bakery",
    owner: { email: "bakery-owner@lantern.example", name: "Bo Baker", password: "bo baker master password" },
    member: { email: "bakery-member@lantern.example", name: "Bea Baker", password: "bea baker master password" },
  },
};
