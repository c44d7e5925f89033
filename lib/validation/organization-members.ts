import { z } from "zod";
import { uuidSchema } from "./common";
import { confirmationSchema, inviteEmailsSchema, memberIdsSchema } from "./members";

export const organizationRoleSchema = z.enum(["owner", "admin", "user"], { error: "Choose a role." });

export const inviteOrganizationMembersSchema = z.object({ organizationId: uuidSchema, emails: inviteEmailsSchema, type: organizationRoleSchema });

export const confirmOrganizationMembersSchema = z.object({
  organizationId: uuidSchema,
  confirmations: z.array(confirmationSchema).min(1, "Select at least one member.").max(500, "Confirm at most 500 members at a time."),
});

export const removeOrganizationMembersSchema = z.object({ organizationId: uuidSchema, memberIds: memberIdsSchema });

export const resendOrganizationInvitationSchema = z.object({ organizationId: uuidSchema, memberId: uuidSchema });
