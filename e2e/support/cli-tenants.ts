/**
 * The Bitwarden CLI tests' own tenants, written into the e2e database before the server starts
 * (e2e/support/seed-before-start.ts): building them through the pages is what the console and portal tests already do,
 * and other tests change the demo's tenants while these run. Each run of the tests uses them once: the e2e server's
 * database is fresh for every run.
 */
export const CLI_ORGANIZATION = {
  name: "Cli Org",
  owner: { email: "cli-owner@e2e.example", name: "Orla Owner", password: "orla owner master password" },
  member: { email: "cli-member@e2e.example", name: "Milo Member", password: "milo member master password" },
};

export const CLI_PROVIDER = {
  name: "Cli MSP",
  admin: { email: "cli-msp@e2e.example", name: "Max Msp", password: "max msp master password" },
  client: {
    name: "Cli Client",
    owner: { email: "cli-client-owner@e2e.example", name: "Cleo Client", password: "cleo client master password" },
  },
};
