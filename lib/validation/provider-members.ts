import { z } from "zod";
import { PROVIDER_ROLES } from "@/lib/enums";
import { emailSchema, encStringSchema, nameSchema, uuidSchema } from "./common";
import { confirmationSchema, invitationTokenSchema, inviteEmailsSchema, memberIdsSchema } from "./members";

export const providerRoleSchema = z.enum(PROVIDER_ROLES, { error: "Choose a role." });

export const providerSetupSchema = z.object({
  token: invitationTokenSchema,
  name: nameSchema("Provider name"),
  billingEmail: emailSchema,
  key: encStringSchema(4),
});

export const inviteProviderMembersSchema = z.object({
  providerId: uuidSchema,
  emails: inviteEmailsSchema,
  type: providerRoleSchema,
});

export const confirmProviderMembersSchema = z.object({
  providerId: uuidSchema,
  confirmations: z
    .array(confirmationSchema)
    .min(1, "Select at least one member.")
    .max(500, "Confirm at most 500 members at a time."),
});

export const updateProviderMemberSchema = z.object({
  providerId: uuidSchema,
  memberId: uuidSchema,
  type: providerRoleSchema,
});

export const removeProviderMembersSchema = z.object({ providerId: uuidSchema, memberIds: memberIdsSchema });

export const resendProviderInvitationSchema = z.object({ providerId: uuidSchema, memberId: uuidSchema });

/** The provider key made by the first admin's browser, wrapped (type 4) to their own public key. */
export const providerKeySchema = z.object({ providerId: uuidSchema, key: encStringSchema(4) });
