import "server-only";
import type { CustomPermissions } from "@/db/schema";
import type { SyncData } from "@/lib/dal/sync";
import type { OrganizationRole } from "@/lib/enums";
import {
  ORGANIZATION_ROLE_NUMBERS,
  ORGANIZATION_STATUS_NUMBERS,
  productTierOf,
  PROVIDER_MEMBER_STATUS_NUMBERS,
  PROVIDER_ROLE_NUMBERS,
  PROVIDER_STATUS_NUMBERS,
  PROVIDER_TYPE_NUMBERS,
} from "./enums";

type ClientRow = SyncData["clients"][number];
type MembershipRow = SyncData["memberships"][number];
/** What a member organization and a client have in common; a member organization may have no provider. */
type OrganizationRow = Omit<ClientRow, "key" | "providerId" | "providerName" | "providerType" | "providerEnabled"> & {
  [K in "providerId" | "providerName" | "providerType" | "providerEnabled"]: ClientRow[K] | null;
};

const NO_PERMISSIONS: CustomPermissions = {
  manageUsers: false,
  manageGroups: false,
  managePolicies: false,
  accessEventLogs: false,
  accessReports: false,
  accessImportExport: false,
  createNewCollections: false,
  editAnyCollection: false,
  deleteAnyCollection: false,
};

/** The fields a member organization and a provider's client share (ProfileOrganizationResponse's core). */
function organizationCore(row: OrganizationRow) {
  return {
    id: row.id,
    name: row.name,
    // A disabled provider disables its clients (DESIGN §7).
    enabled: row.enabled && row.providerEnabled !== false,
    seats: row.seats,
    maxCollections: null,
    maxStorageGb: null,
    productTierType: productTierOf(row.planType),
    usePolicies: row.usePolicies,
    useGroups: row.useGroups,
    useEvents: row.useEvents,
    useTotp: row.useTotp,
    use2fa: true,
    useApi: false,
    useSso: false,
    useDirectory: false,
    useScim: false,
    useKeyConnector: false,
    useResetPassword: false,
    useCustomPermissions: true,
    useSecretsManager: false,
    usePasswordManager: true,
    selfHost: true,
    usersGetPremium: true,
    hasPublicAndPrivateKeys: true,
    ssoBound: false,
    identifier: null,
    keyConnectorEnabled: false,
    keyConnectorUrl: null,
    resetPasswordEnrolled: false,
    // Only members allowed to create collections do (Keyhouse's rule), as Bitwarden's "limit collection creation".
    limitCollectionCreation: true,
    limitCollectionDeletion: true,
    limitItemDeletion: false,
    accessSecretsManager: false,
    userIsClaimedByOrganization: false,
    providerId: row.providerId,
    providerName: row.providerName,
    providerType: row.providerType ? PROVIDER_TYPE_NUMBERS[row.providerType] : null,
    familySponsorshipAvailable: false,
  };
}

function permissionsOf(role: OrganizationRole, permissions: CustomPermissions | null): CustomPermissions {
  return role === "custom" ? { ...NO_PERMISSIONS, ...permissions } : NO_PERMISSIONS;
}

/** ProfileOrganizationResponse: an organization the caller is a member of. The key is theirs once confirmed. */
export function memberOrganizationResponse(row: MembershipRow, userId: string) {
  return {
    object: "profileOrganization",
    ...organizationCore(row),
    key: row.status === "confirmed" ? row.key : null,
    type: ORGANIZATION_ROLE_NUMBERS[row.role],
    status: ORGANIZATION_STATUS_NUMBERS[row.status],
    permissions: permissionsOf(row.role, row.permissions),
    userId,
    organizationUserId: row.organizationUserId,
    // Owners and admins reach every item of their organization in Keyhouse.
    allowAdminAccessToAllCollectionItems: true,
  };
}

/**
 * ProfileProviderOrganizationResponse: a client of a provider the caller belongs to. Provider members act as owners
 * in the console, with the client's key under the provider key, but reach none of its items (DESIGN §6).
 */
export function providerOrganizationResponse(row: ClientRow, userId: string) {
  return {
    object: "profileProviderOrganization",
    ...organizationCore(row),
    key: row.key,
    type: ORGANIZATION_ROLE_NUMBERS.owner,
    status: ORGANIZATION_STATUS_NUMBERS.confirmed,
    permissions: NO_PERMISSIONS,
    userId,
    organizationUserId: null,
    allowAdminAccessToAllCollectionItems: false,
  };
}

/** ProfileProviderResponse. The provider key is the member's once confirmed. */
export function providerResponse(row: SyncData["providerMemberships"][number], userId: string) {
  return {
    object: "profileProvider",
    id: row.id,
    name: row.name,
    key: row.memberStatus === "confirmed" ? row.key : null,
    status: PROVIDER_MEMBER_STATUS_NUMBERS[row.memberStatus],
    type: PROVIDER_ROLE_NUMBERS[row.role],
    enabled: row.enabled,
    permissions: null,
    userId,
    useEvents: row.useEvents,
    providerStatus: PROVIDER_STATUS_NUMBERS[row.status],
    providerType: PROVIDER_TYPE_NUMBERS[row.type],
  };
}

/**
 * AccountKeys: a version-1 account (RSA key pair, no signing keys). The apps read these names exactly as written.
 */
export function accountKeysResponse(account: { publicKey: string; privateKey: string }) {
  return {
    publicKeyEncryptionKeyPair: {
      wrappedPrivateKey: account.privateKey,
      publicKey: account.publicKey,
      signedPublicKey: null,
    },
  };
}

/** ProfileResponse: the account, its keys and everything it belongs to. */
export function profileResponse(sync: SyncData) {
  const { account } = sync;
  return {
    object: "profile",
    id: account.id,
    name: account.name,
    email: account.email,
    emailVerified: account.emailVerified,
    // Keyhouse has no paid tier for people: every feature Bitwarden sells as Premium (TOTP codes...) is everyone's.
    premium: true,
    premiumFromOrganization: false,
    culture: "en-US",
    twoFactorEnabled: account.twoFactorEnabled,
    key: account.key,
    privateKey: account.privateKey,
    accountKeys: accountKeysResponse(account),
    securityStamp: account.securityStamp,
    forcePasswordReset: false,
    usesKeyConnector: false,
    avatarColor: null,
    creationDate: account.createdAt.toISOString(),
    verifyDevices: false,
    organizations: sync.memberships.map((row) => memberOrganizationResponse(row, account.id)),
    providers: sync.providerMemberships.map((row) => providerResponse(row, account.id)),
    providerOrganizations: sync.clients.map((row) => providerOrganizationResponse(row, account.id)),
  };
}
