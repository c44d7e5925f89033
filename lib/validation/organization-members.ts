import { z } from "zod";
import { ORGANIZATION_ROLES } from "@/lib/enums";
import { uuidSchema } from "./common";
import { confirmationSchema, inviteEmailsSchema, memberIdsSchema } from "./members";

export const accessLevelSchema = z.enum(["view", "view_except_passwords", "edit", "edit_except_passwords", "manage"], {
  error: "Choose an access level.",
});

/** Access to one collection at one of Bitwarden's five levels. */
export const collectionGrantSchema = z.object({ collectionId: uuidSchema, level: accessLevelSchema });

export const collectionGrantsSchema = z
  .array(collectionGrantSchema)
  .max(1000, "Too many collections at once.")
  .refine((grants) => new Set(grants.map((grant) => grant.collectionId)).size === grants.length, {
    error: "A collection is listed twice.",
  });

/** The Custom role's flags (DESIGN §6); only stored for members whose role is Custom. */
export const customPermissionsSchema = z.object({
  manageUsers: z.boolean().default(false),
  manageGroups: z.boolean().default(false),
  managePolicies: z.boolean().default(false),
  accessEventLogs: z.boolean().default(false),
  accessReports: z.boolean().default(false),
  accessImportExport: z.boolean().default(false),
  createNewCollections: z.boolean().default(false),
  editAnyCollection: z.boolean().default(false),
  deleteAnyCollection: z.boolean().default(false),
});

export const memberRoleSchema = z.enum(ORGANIZATION_ROLES, { error: "Choose a role." });

const groupIdsSchema = z
  .array(uuidSchema)
  .max(500, "Too many groups at once.")
  .transform((ids) => [...new Set(ids)]);

/** A member's role and access, as the invite and edit dialogs send them. */
const memberAccessFields = {
  type: memberRoleSchema,
  permissions: customPermissionsSchema.nullable().default(null),
  collections: collectionGrantsSchema.default([]),
  groupIds: groupIdsSchema.default([]),
};

export const inviteOrganizationMembersSchema = z.object({
  organizationId: uuidSchema,
  emails: inviteEmailsSchema,
  ...memberAccessFields,
});
export type MemberAccessInput = Pick<
  z.infer<typeof inviteOrganizationMembersSchema>,
  "type" | "permissions" | "collections" | "groupIds"
>;

export const updateOrganizationMemberSchema = z.object({
  organizationId: uuidSchema,
  memberId: uuidSchema,
  ...memberAccessFields,
});

export const confirmOrganizationMembersSchema = z.object({
  organizationId: uuidSchema,
  confirmations: z
    .array(confirmationSchema)
    .min(1, "Select at least one member.")
    .max(500, "Confirm at most 500 members at a time."),
});

export const removeOrganizationMembersSchema = z.object({ organizationId: uuidSchema, memberIds: memberIdsSchema });

export const resendOrganizationInvitationSchema = z.object({ organizationId: uuidSchema, memberId: uuidSchema });
