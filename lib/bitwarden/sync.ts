import "server-only";
import type { SyncData } from "@/lib/dal/sync";
import { cipherResponse } from "./ciphers";
import { collectionDetailsResponse } from "./collections";
import { folderResponse } from "./folders";
import { masterPasswordUnlockResponse } from "./master-password-unlock";
import { policyResponse } from "./policies";
import { profileResponse } from "./profile";

/**
 * SyncResponse: the whole vault as an app stores it (DESIGN §12). Keyhouse keeps no equivalent domains: apps that ask
 * (autofill) get empty lists; the CLI asks for none.
 */
export function syncResponse(sync: SyncData, { excludeDomains }: { excludeDomains: boolean }) {
  const useTotp = new Map(sync.memberships.map((row) => [row.id, row.useTotp]));
  return {
    object: "sync",
    profile: profileResponse(sync),
    folders: sync.folders.map(folderResponse),
    collections: sync.collections.map(collectionDetailsResponse),
    ciphers: sync.items.map((item) =>
      cipherResponse(item, item.organizationId ? (useTotp.get(item.organizationId) ?? false) : false),
    ),
    policies: sync.policies.map(policyResponse),
    sends: [],
    domains: excludeDomains ? null : { object: "domains", equivalentDomains: [], globalEquivalentDomains: [] },
    userDecryption: {
      masterPasswordUnlock: masterPasswordUnlockResponse(sync.account),
      userKeyId: sync.account.userKeyId,
    },
  };
}
