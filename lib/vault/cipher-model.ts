/**
 * Vault items in the clear, as the browser holds them after decryption (never on the server). The stored form is
 * Bitwarden's API shape with every string below encrypted (lib/vault/cipher-crypto.ts).
 */

import type { CipherType } from "@/lib/enums";

/** Bitwarden's numeric item types, for imports and exports in its formats. */
export const BITWARDEN_CIPHER_TYPE: Record<CipherType, number> = {
  login: 1,
  secure_note: 2,
  card: 3,
  identity: 4,
  ssh_key: 5,
};

/** How a URI matches a page (Bitwarden's values): null is the account default. */
export const URI_MATCH_TYPES = { domain: 0, host: 1, startsWith: 2, exact: 3, regex: 4, never: 5 } as const;
export type UriMatch = (typeof URI_MATCH_TYPES)[keyof typeof URI_MATCH_TYPES] | null;

export const FIELD_TYPES = { text: 0, hidden: 1, boolean: 2, linked: 3 } as const;
export type FieldType = (typeof FIELD_TYPES)[keyof typeof FIELD_TYPES];

/** A website of a login. Its stored form also carries a checksum of the URI, derived when encrypting. */
export type LoginUri = { uri: string; match: UriMatch };

/**
 * A passkey (Bitwarden's Fido2Credential), written by the official apps; the web vault shows and keeps it. Every
 * value is a string as Bitwarden encrypts it (counter and discoverable too: "0", "true"); creationDate is plain.
 */
export type Fido2CredentialView = {
  credentialId: string;
  keyType: string;
  keyAlgorithm: string;
  keyCurve: string;
  keyValue: string;
  rpId: string;
  userHandle: string | null;
  userName: string | null;
  counter: string;
  rpName: string | null;
  userDisplayName: string | null;
  discoverable: string;
  creationDate: string;
};

export type LoginView = {
  username: string | null;
  password: string | null;
  totp: string | null;
  uris: LoginUri[];
  passwordRevisionDate: string | null;
  /** The apps' "autofill on page load" choice for this login; null follows the account's setting. */
  autofillOnPageLoad: boolean | null;
  fido2Credentials: Fido2CredentialView[];
};

export type CardView = {
  cardholderName: string | null;
  brand: string | null;
  number: string | null;
  expMonth: string | null;
  expYear: string | null;
  code: string | null;
};

export const IDENTITY_FIELDS = [
  "title",
  "firstName",
  "middleName",
  "lastName",
  "address1",
  "address2",
  "address3",
  "city",
  "state",
  "postalCode",
  "country",
  "company",
  "email",
  "phone",
  "ssn",
  "username",
  "passportNumber",
  "licenseNumber",
] as const;
export type IdentityView = Record<(typeof IDENTITY_FIELDS)[number], string | null>;

export type SshKeyView = { privateKey: string | null; publicKey: string | null; keyFingerprint: string | null };

export type FieldView = { type: FieldType; name: string | null; value: string | null; linkedId: number | null };

export type PasswordHistoryView = { password: string; lastUsedDate: string };

/** One item of any type; only the part of its own type is set. */
export type CipherView = {
  type: CipherType;
  name: string;
  notes: string | null;
  reprompt: 0 | 1;
  login: LoginView | null;
  secureNote: { type: 0 } | null;
  card: CardView | null;
  identity: IdentityView | null;
  sshKey: SshKeyView | null;
  fields: FieldView[];
  passwordHistory: PasswordHistoryView[];
};

/** Limits Bitwarden also applies, so items stay interchangeable and requests stay small. */
export const CIPHER_LIMITS = {
  nameLength: 1000,
  notesLength: 10_000,
  /** Every other encrypted value (a URI, a field, a card number…), in ciphertext characters. */
  valueLength: 10_000,
  uris: 50,
  fields: 100,
  passwordHistory: 5,
  /** Bitwarden's apps keep one passkey per login; a few more leave room without letting an item grow unbounded. */
  fido2Credentials: 5,
} as const;

export function emptyLogin(): LoginView {
  return {
    username: null,
    password: null,
    totp: null,
    uris: [],
    passwordRevisionDate: null,
    autofillOnPageLoad: null,
    fido2Credentials: [],
  };
}

export function emptyIdentity(): IdentityView {
  return Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, null])) as IdentityView;
}

/** A new item of `type` with only a name: the starting point for forms and importers. */
export function newCipher(type: CipherType, name: string): CipherView {
  return {
    type,
    name,
    notes: null,
    reprompt: 0,
    login: type === "login" ? emptyLogin() : null,
    secureNote: type === "secure_note" ? { type: 0 } : null,
    card:
      type === "card"
        ? { cardholderName: null, brand: null, number: null, expMonth: null, expYear: null, code: null }
        : null,
    identity: type === "identity" ? emptyIdentity() : null,
    sshKey: type === "ssh_key" ? { privateKey: null, publicKey: null, keyFingerprint: null } : null,
    fields: [],
    passwordHistory: [],
  };
}
