import "server-only";
import type { OrganizationDirectory } from "@/lib/dal/organization-directory";
import { ORGANIZATION_ROLE_NUMBERS, ORGANIZATION_STATUS_NUMBERS } from "./enums";

/** OrganizationUserUserDetailsResponse: a member as the Admin Console lists them. */
export function memberResponse(member: OrganizationDirectory["members"][number]) {
  return {
    object: "organizationUserUserDetails",
    id: member.id,
    userId: member.userId,
    email: member.email,
    name: member.name,
    type: ORGANIZATION_ROLE_NUMBERS[member.type],
    status: ORGANIZATION_STATUS_NUMBERS[member.status],
    twoFactorEnabled: member.twoFactorEnabled,
    permissions: member.permissions,
    externalId: null,
    accessAll: false,
    groups: member.groupIds,
  };
}
