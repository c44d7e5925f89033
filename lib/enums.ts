/**
 * The values of the database enums that code outside the data access layer speaks: db/schema builds its pgEnums
 * from these lists, and the permission rules, validation and forms derive their types and zod enums from them, so a
 * value is added in one place. It imports nothing, so the browser and the schema can both load it.
 */

export const ORGANIZATION_PLANS = [
  "free",
  "teams_monthly",
  "teams_annually",
  "enterprise_monthly",
  "enterprise_annually",
] as const;
export type OrganizationPlan = (typeof ORGANIZATION_PLANS)[number];

export const ORGANIZATION_ROLES = ["owner", "admin", "user", "custom"] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export const ORGANIZATION_MEMBER_STATUSES = ["revoked", "invited", "accepted", "confirmed"] as const;
export type OrganizationMemberStatus = (typeof ORGANIZATION_MEMBER_STATUSES)[number];

export const PROVIDER_TYPES = ["msp", "reseller", "business_unit"] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const PROVIDER_STATUSES = ["pending", "created", "billable"] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

export const PROVIDER_ROLES = ["provider_admin", "service_user"] as const;
export type ProviderRole = (typeof PROVIDER_ROLES)[number];

export const PROVIDER_MEMBER_STATUSES = ["invited", "accepted", "confirmed"] as const;
export type ProviderMemberStatus = (typeof PROVIDER_MEMBER_STATUSES)[number];

/** The plans a provider buys seats on; each covers one family of organization plans (lib/plans.ts). */
/** What a provider API key may do: read, or read and change (issue 16 part 5). */
export const PROVIDER_API_ACCESS = ["read", "write"] as const;
export type ProviderApiAccess = (typeof PROVIDER_API_ACCESS)[number];
/** Where a webhook delivery stands: waiting for its next attempt, received, or given up on. */
export const PROVIDER_WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type ProviderWebhookDeliveryStatus = (typeof PROVIDER_WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * How an invoice counts a client's seats from the usage ledger: the most assigned on any day of the month, or the
 * seats assigned averaged over its days (a client there half the month counts half).
 */
export const BILLING_BASES = ["peak", "average"] as const;
export type BillingBasis = (typeof BILLING_BASES)[number];

export const PROVIDER_PLANS = ["teams_monthly", "enterprise_monthly"] as const;
export type ProviderPlan = (typeof PROVIDER_PLANS)[number];

/** What an invitation link invites to: setting up a provider, or joining a provider or an organization. */
export const INVITATION_KINDS = ["provider_setup", "provider_user", "organization_user"] as const;

export const CIPHER_TYPES = ["login", "secure_note", "card", "identity", "ssh_key"] as const;
export type CipherType = (typeof CIPHER_TYPES)[number];

/** In the order the console lists them. */
export const POLICY_TYPES = [
  "master_password",
  "password_generator",
  "single_org",
  "personal_ownership",
  "disable_personal_vault_export",
  "two_factor_authentication",
] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];

/** What a client lets its provider's members ask for (issue 15): never, ask every time, or named technicians at once. */
export const PROVIDER_ACCESS_RULES = ["never", "ask", "named"] as const;
export type ProviderAccessRule = (typeof PROVIDER_ACCESS_RULES)[number];

/** A provider member's access to a client's items: read them, or read and change them (Bitwarden's "Can edit"). */
export const PROVIDER_ACCESS_LEVELS = ["view", "edit"] as const;
export type ProviderAccessLevel = (typeof PROVIDER_ACCESS_LEVELS)[number];

/** A request's life: asked, then approved (until expiry or revocation) or denied; ended early by either side. */
export const PROVIDER_ACCESS_STATUSES = ["pending", "approved", "denied", "ended"] as const;
export type ProviderAccessStatus = (typeof PROVIDER_ACCESS_STATUSES)[number];

/**
 * A client's move to another provider (issue 15): the new provider issues a move code; the client's owner enters it
 * (claimed); the new provider's admin completes it. Either side may cancel it before.
 */
export const CLIENT_MOVE_STATUSES = ["issued", "claimed", "completed", "cancelled"] as const;
export type ClientMoveStatus = (typeof CLIENT_MOVE_STATUSES)[number];
