import "server-only";
import type {
  CipherType,
  OrganizationMemberStatus,
  OrganizationPlan,
  OrganizationRole,
  PolicyType,
  ProviderMemberStatus,
  ProviderRole,
  ProviderStatus,
  ProviderType,
} from "@/lib/enums";
import { planFamily } from "@/lib/plans";
import { BITWARDEN_CIPHER_TYPE } from "@/lib/vault/cipher-model";

/**
 * Keyhouse's enum values as the numbers Bitwarden's clients speak (DESIGN §12). One table per enum, both ways where
 * a client sends the value back.
 */

export function cipherTypeOfNumber(value: number): CipherType | null {
  const entry = Object.entries(BITWARDEN_CIPHER_TYPE).find(([, number]) => number === value);
  return entry ? (entry[0] as CipherType) : null;
}

export const ORGANIZATION_ROLE_NUMBERS: Record<OrganizationRole, number> = { owner: 0, admin: 1, user: 2, custom: 4 };

export const ORGANIZATION_STATUS_NUMBERS: Record<OrganizationMemberStatus, number> = {
  revoked: -1,
  invited: 0,
  accepted: 1,
  confirmed: 2,
};

export const PROVIDER_ROLE_NUMBERS: Record<ProviderRole, number> = { provider_admin: 0, service_user: 1 };

export const PROVIDER_MEMBER_STATUS_NUMBERS: Record<ProviderMemberStatus, number> = {
  invited: 0,
  accepted: 1,
  confirmed: 2,
};

export const PROVIDER_STATUS_NUMBERS: Record<ProviderStatus, number> = { pending: 0, created: 1, billable: 2 };

export const PROVIDER_TYPE_NUMBERS: Record<ProviderType, number> = { msp: 0, reseller: 1, business_unit: 2 };

/** Bitwarden's ProductTierType: Free 0, Teams 2, Enterprise 3. */
export function productTierOf(plan: OrganizationPlan): number {
  return { free: 0, teams: 2, enterprise: 3 }[planFamily(plan)];
}

export const POLICY_TYPE_NUMBERS: Record<PolicyType, number> = {
  two_factor_authentication: 0,
  master_password: 1,
  password_generator: 2,
  single_org: 3,
  personal_ownership: 5,
  disable_personal_vault_export: 10,
};

/** Bitwarden's DeviceType numbers and how Settings names them. */
export const DEVICE_TYPE_NAMES: Record<number, string> = {
  0: "Android",
  1: "iOS",
  2: "Chrome extension",
  3: "Firefox extension",
  4: "Opera extension",
  5: "Edge extension",
  6: "Windows desktop",
  7: "macOS desktop",
  8: "Linux desktop",
  9: "Chrome",
  10: "Firefox",
  11: "Opera",
  12: "Edge",
  13: "Internet Explorer",
  14: "Browser",
  15: "Android (Amazon)",
  16: "Windows (UWP)",
  17: "Safari",
  18: "Vivaldi",
  19: "Vivaldi extension",
  20: "Safari extension",
  21: "SDK",
  22: "Server",
  23: "Windows CLI",
  24: "macOS CLI",
  25: "Linux CLI",
  26: "DuckDuckGo",
};

export const MAX_DEVICE_TYPE = 26;
