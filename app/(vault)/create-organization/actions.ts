"use server";

import { defineAction } from "@/lib/authz/action";
import { user } from "@/lib/authz/scope-rules";
import { createOrganization } from "@/lib/dal/organizations";
import { assertSingleOrganizationAllows } from "@/lib/dal/policies";
import { createOrganizationSchema } from "@/lib/validation/organizations";

/** Any user creates an organization and becomes its confirmed owner; their browser made its keys. */
export const createOrganizationAction = defineAction({
  name: "organization.create",
  input: createOrganizationSchema,
  scope: user(),
  async run({ input, scope, tx, record }) {
    const { organizationId, ownerId } = await createOrganization(tx, scope, input);
    // A single organization policy elsewhere may forbid belonging to a second organization (DESIGN §6, policies).
    await assertSingleOrganizationAllows(tx, scope, organizationId);
    await record({
      type: "organization_created",
      organizationId,
      organizationUserId: ownerId,
      details: { plan: input.planType, seats: input.seats },
    });
    return { organizationId };
  },
});
