import type { Fido2CredentialView } from "@/lib/vault/cipher-model";

/** A passkey as Bitwarden's apps store one (values as strings; the key is a PKCS#8 P-256 key in base64url). */
export function samplePasskey(overrides: Partial<Fido2CredentialView> = {}): Fido2CredentialView {
  return {
    credentialId: "b3a5f4e2-6c1d-4f0e-9a8b-7c6d5e4f3a2b",
    keyType: "public-key",
    keyAlgorithm: "ECDSA",
    keyCurve: "P-256",
    keyValue: "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgPasskeyPrivateKeyMaterial",
    rpId: "bank.example",
    userHandle: "dXNlci1oYW5kbGU",
    userName: "alice@bank.example",
    counter: "0",
    rpName: "Bank",
    userDisplayName: "Alice",
    discoverable: "true",
    creationDate: "2026-01-03T04:05:06.000Z",
    ...overrides,
  };
}
