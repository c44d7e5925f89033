import type { EncString } from "./enc-string";
import { wrapPrivateKey } from "./keys";
import { generateRsaKeyPair } from "./rsa";
import { SymmetricKey } from "./symmetric-key";

export interface OrganizationKeys {
  /** Unwrapped: stays in the creating browser, which wraps it for members and the provider. */
  organizationKey: SymmetricKey;
  /** Base64 SPKI DER. */
  publicKey: string;
  /** PKCS#8 DER as type 2 under the organization key. */
  privateKey: EncString;
}

/** A new organization's key hierarchy (DESIGN §4): a random organization key and an RSA pair under it. */
export async function createOrganizationKeys(): Promise<OrganizationKeys> {
  const organizationKey = SymmetricKey.generate();
  const rsa = await generateRsaKeyPair();
  const privateKey = await wrapPrivateKey(rsa.privateKey, organizationKey);
  rsa.privateKey.fill(0);
  return { organizationKey, publicKey: rsa.publicKey, privateKey };
}
