import type { APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../helpers";
import { keyMaterial } from "../support/api-session";
import { OPERATOR, OTHER_PROVIDER, UNRELATED } from "../support/seeded-people";
import type { DemoTenants, PageRole } from "./types";

/** Whom each signed-in role of the catalog signs in as: the demo's people and the walks' own (seeded-people). */
export const VISITOR_LOGINS: Record<Exclude<PageRole, "signed_out">, { email: string; password: string }> = {
  unrelated_user: UNRELATED,
  client_member: { email: "user@client1.example", password: DEMO_PASSWORD },
  client_owner: { email: "owner@client1.example", password: DEMO_PASSWORD },
  other_client_owner: { email: "owner@client2.example", password: DEMO_PASSWORD },
  other_provider_admin: OTHER_PROVIDER.admin,
  service_user: { email: "tech@demo-msp.example", password: DEMO_PASSWORD },
  provider_admin: { email: "admin@demo-msp.example", password: DEMO_PASSWORD },
  operator: OPERATOR,
};

/** The demo tenants' ids, from the key material of three signed-in people. */
export async function demoTenants(
  providerAdmin: APIRequestContext,
  clientOwner: APIRequestContext,
  otherClientOwner: APIRequestContext,
): Promise<DemoTenants> {
  const [admin, owner1, owner2] = await Promise.all([providerAdmin, clientOwner, otherClientOwner].map(keyMaterial));
  return {
    providerId: admin!.providers.find((provider) => provider.name === "Demo MSP")!.id,
    client1: owner1!.organizations[0]!.id,
    client2: owner2!.organizations[0]!.id,
    internal: admin!.organizations.find((organization) => organization.name === "Demo MSP Internal")!.id,
  };
}
