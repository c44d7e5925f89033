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
