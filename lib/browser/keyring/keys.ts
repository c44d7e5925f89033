import "client-only";
import {
  CryptoError,
  type SymmetricKey,
  unwrapPrivateKey,
  unwrapSymmetricKey,
  unwrapSymmetricKeyWithPrivateKey,
} from "@/lib/crypto";
import type { KeyMaterial } from "@/lib/vault/key-material";
import { fetchKeyMaterial } from "./account-flows";

/**
 * Unwraps the keys below the user key on demand (DESIGN §4): private key → provider keys → client organization
 * keys, and private key → organization keys of confirmed memberships. Unwrapped keys stay in this tab's memory
 * only, and are dropped when the keyring locks.
 */
export class KeyChain {
  #material: Promise<KeyMaterial> | null = null;
  #privateKey: Promise<Uint8Array> | null = null;
  readonly #providers = new Map<string, Promise<SymmetricKey>>();
  readonly #organizations = new Map<string, Promise<SymmetricKey>>();

  constructor(private readonly userKey: SymmetricKey) {}

  material(): Promise<KeyMaterial> {
    this.#material ??= fetchKeyMaterial();
    return this.#material;
  }

  /** Forgets fetched material after memberships change (a new client, a confirmation). */
  refresh(): void {
    this.#material = null;
    this.#providers.clear();
    this.#organizations.clear();
  }

  privateKey(): Promise<Uint8Array> {
    this.#privateKey ??= this.material().then((material) => unwrapPrivateKey(material.privateKey, this.userKey));
    return this.#privateKey;
  }

  providerKey(providerId: string): Promise<SymmetricKey> {
    let key = this.#providers.get(providerId);
    if (!key) {
      key = this.#unwrapProviderKey(providerId);
      this.#providers.set(providerId, key);
    }
    return key;
  }

  organizationKey(organizationId: string): Promise<SymmetricKey> {
    let key = this.#organizations.get(organizationId);
    if (!key) {
      key = this.#unwrapOrganizationKey(organizationId);
      this.#organizations.set(organizationId, key);
    }
    return key;
  }

  async #unwrapProviderKey(providerId: string): Promise<SymmetricKey> {
    const entry = (await this.material()).providers.find((provider) => provider.id === providerId);
    if (!entry) throw new CryptoError("invalidKey");
    return unwrapSymmetricKeyWithPrivateKey(entry.key, await this.privateKey());
  }

  /** A confirmed member's own copy first; otherwise the managing provider's. */
  async #unwrapOrganizationKey(organizationId: string): Promise<SymmetricKey> {
    const material = await this.material();
    const membership = material.organizations.find((organization) => organization.id === organizationId);
    if (membership) return unwrapSymmetricKeyWithPrivateKey(membership.key, await this.privateKey());
    const client = material.providerOrganizations.find((entry) => entry.organizationId === organizationId);
    if (!client) throw new CryptoError("invalidKey");
    return unwrapSymmetricKey(client.key, await this.providerKey(client.providerId));
  }
}
