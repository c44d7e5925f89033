/** Every event the audit log records, with the sentence the event pages show for it. */
export const EVENT_TYPES = {
  user_registered: "Created their account",
  user_logged_in: "Logged in",
  user_login_failed: "Login attempt failed with incorrect master password",

  provider_created: "Created the provider",
  provider_setup_completed: "Completed provider setup",
  provider_updated: "Updated provider settings",
  provider_enabled: "Enabled the provider",
  provider_disabled: "Disabled the provider",
  provider_plan_updated: "Updated a plan's seat minimum",
  provider_user_invited: "Invited a provider member",
  provider_user_reinvited: "Re-sent a provider invitation",
  provider_user_accepted: "Accepted a provider invitation",
  provider_user_confirmed: "Confirmed a provider member",
  provider_user_updated: "Changed a provider member's role",
  provider_user_removed: "Removed a provider member",
  provider_organization_created: "Created a client organization",
  provider_organization_added: "Added an existing organization as a client",
  provider_organization_removed: "Removed a client",
  provider_organization_updated: "Updated a client's name or seats",
  provider_organization_vault_accessed: "Opened a client's Admin Console",

  organization_created: "Created the organization",
  organization_updated: "Updated organization settings",
  organization_user_invited: "Invited a member",
  organization_user_reinvited: "Re-sent an invitation",
  organization_user_accepted: "Accepted an invitation",
  organization_user_confirmed: "Confirmed a member",
  organization_user_updated: "Changed a member's role or access",
  organization_user_removed: "Removed a member",
  organization_user_revoked: "Revoked a member's access",
  organization_user_restored: "Restored a member's access",
  organization_deleted: "Deleted the organization",

  group_created: "Created a group",
  group_updated: "Changed a group",
  group_deleted: "Deleted a group",
  collection_created: "Created a collection",
  collection_updated: "Changed a collection",
  collection_deleted: "Deleted a collection",
  policy_updated: "Changed a policy",

  cipher_created: "Created an item",
  cipher_updated: "Edited an item",
  cipher_deleted: "Sent an item to the trash",
  cipher_restored: "Restored an item from the trash",
  cipher_purged: "Deleted an item permanently",
  cipher_collections_updated: "Changed an item's collections",
  cipher_viewed: "Viewed an item",
  cipher_password_viewed: "Viewed an item's password",
  cipher_password_copied: "Copied an item's password",
  cipher_username_copied: "Copied an item's username",
  cipher_totp_copied: "Copied an item's verification code",
  folder_created: "Created a folder",
  folder_updated: "Renamed a folder",
  folder_deleted: "Deleted a folder",
  organization_items_imported: "Imported items",
  organization_vault_exported: "Exported the organization's vault",
  provider_invoice_created: "Closed a billing period and wrote an invoice",
} as const;

export type EventType = keyof typeof EVENT_TYPES;

export function describeEvent(type: string): string {
  return (EVENT_TYPES as Record<string, string>)[type] ?? type;
}
