import "server-only";
import type { SyncData } from "@/lib/dal/sync";
import { cipherResponse } from "./ciphers";
import { collectionDetailsResponse } from "./collections";
import { folderResponse } from "./folders";
import { masterPasswordUnlockResponse } from "./master-password-unlock";
import { policyResponse } from "./policies";
import { profileResponse } from "./profile";

/** SyncResponse: the whole vault as an app stores it (DESIGN §12). Domains are not kept (the CLI never asks). */
export function syncResponse(sync: SyncData) {
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
    domains: null,
    userDecryption: {
      masterPasswordUnlock: masterPasswordUnlockResponse(sync.account),
      userKeyId: sync.account.userKeyId,
    },
  };
}
