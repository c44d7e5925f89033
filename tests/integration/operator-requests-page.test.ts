import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { providerRequests } from "@/db/schema";
import { requireOperatorScope } from "@/lib/authz/scope";
import { countPendingProviderRequests, listPendingProviderRequests } from "@/lib/dal/provider-requests";
import { createTestOrganization, createTestUser, type TestUser } from "../support/factories";
import { signInAs } from "../support/session";

/** Thrown notFound() carries Next's 404 digest. */
async function operatorScopeRefused(): Promise<boolean> {
  try {
    await requireOperatorScope();
    return false;
  } catch (error) {
    return String((error as { digest?: unknown }).digest).startsWith("NEXT_HTTP_ERROR_FALLBACK;404");
  }
}

describe("operator pages: provider requests", () => {
  let operator: TestUser;
  let requester: TestUser;
  let organizationId: string;
  let requestId: string;

  beforeAll(async () => {
    // vitest.config.ts puts this address in ADMIN_EMAILS.
    operator = await createTestUser({ name: "Operator", email: "operator@keyhouse.test" });
    requester = await createTestUser({ name: "Rita Requester" });
    organizationId = await createTestOrganization("Acme Internal", requester, 12);
    const db = await getDb();
    const [request] = await db
      .insert(providerRequests)
      .values({
        requesterId: requester.id,
        businessName: "Acme IT",
        type: "msp",
        billingEmail: "billing@acme.example",
        internalOrganizationId: organizationId,
      })
      .returning({ id: providerRequests.id });
    requestId = request!.id;
  });

  it("lists a pending request with what the operator decides on", async () => {
    await signInAs(operator.id);
    const scope = await requireOperatorScope();
    const { rows, total } = await listPendingProviderRequests(scope);
    expect(total).toBe(1);
    expect(rows).toEqual([
      {
        id: requestId,
        businessName: "Acme IT",
        type: "msp",
        billingEmail: "billing@acme.example",
        firstClientName: null,
        requesterName: "Rita Requester",
        requesterEmail: requester.email,
        organizationId,
        organizationName: "Acme Internal",
        organizationPlan: "enterprise_monthly",
        organizationSeats: 12,
        createdAt: expect.any(Date),
      },
    ]);
    expect(await countPendingProviderRequests(scope)).toBe(1);
  });

  it("refuses the operator scope to anyone not an operator, the requester included", async () => {
    await signInAs(requester.id);
    expect(await operatorScopeRefused()).toBe(true);
  });
});
