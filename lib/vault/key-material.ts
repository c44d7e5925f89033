import type { EncString, KdfConfig } from "@/lib/crypto";

/**
 * What GET /api/accounts/keys answers: the account's keys, each still encrypted, for the browser's keyring, and the
 * KDF configuration that derives the master key from the master password.
 */
export type KeyMaterial = KdfConfig & {
  userId: string;
  email: string;
  name: string;
  /** The user key, type 2 under the stretched master key. */
  key: EncString;
  publicKey: string;
  /** The private key, type 2 under the user key. */
  privateKey: EncString;
  /** Organization keys, type 4 to the user's public key (confirmed memberships). */
  organizations: { id: string; name: string; key: EncString }[];
  /** Provider keys, type 4 to the user's public key (confirmed provider memberships). */
  providers: { id: string; name: string; key: EncString }[];
  /** Client organization keys, type 2 under their provider's key. */
  providerOrganizations: { providerId: string; organizationId: string; key: EncString }[];
};
