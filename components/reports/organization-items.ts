import { decryptString, type EncString, type SymmetricKey } from "@/lib/crypto";
import type { VaultItem } from "@/lib/dal/items";
import { decryptCipher } from "@/lib/vault/cipher-crypto";
import type { CipherView } from "@/lib/vault/cipher-model";

/**
 * The organization's items as the items route sends them (encrypted), and their decryption in this browser, for
 * the item reports and the export. The server only ever relays ciphertext (DESIGN §4).
 */
export type OrganizationItems = { items: VaultItem[]; collections: { id: string; name: EncString }[] };

/** What a failed load says: `offline` when the request never got an answer, `failed` when the server gave no reason. */
type LoadMessages = { offline: string; failed: string };

/** Items decrypted per step: enough to be quick, few enough for the progress bar to move. */
const STEP = 25;

/** Gives the browser a turn to paint the progress bar between steps (a timer, which also runs in background tabs). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** GET /organizations/[id]/items?for=…; a failure throws `toError` of the server's reason or the fitting message. */
export async function fetchOrganizationItems(
  organizationId: string,
  purpose: "export" | "reports",
  messages: LoadMessages,
  toError: (message: string) => Error,
): Promise<OrganizationItems> {
  let response: Response;
  try {
    response = await fetch(`/organizations/${organizationId}/items?for=${purpose}`, { cache: "no-store" });
  } catch {
    throw toError(messages.offline);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    throw toError(typeof body?.error === "string" ? body.error : messages.failed);
  }
  return (await response.json()) as OrganizationItems;
}

/** The collections with their names decrypted; a name that will not decrypt reads `unreadable` rather than failing the whole. */
export function decryptCollectionNames(
  collections: OrganizationItems["collections"],
  key: SymmetricKey,
  unreadable: string,
): Promise<{ id: string; name: string }[]> {
  return Promise.all(
    collections.map(async (collection) => ({
      id: collection.id,
      name: await decryptString(collection.name, key).catch(() => unreadable),
    })),
  );
}

export type DecryptedVaultItem = { item: VaultItem; view: CipherView };

/**
 * Decrypts items a step at a time, reporting how many are done after each and giving the page a turn; stops when
 * `onProgress` answers false. Items whose ciphertext will not decrypt (damaged, or under another key) are left out.
 */
export async function decryptItems(
  items: VaultItem[],
  key: SymmetricKey,
  onProgress: (done: number) => boolean,
): Promise<DecryptedVaultItem[]> {
  const decrypted: DecryptedVaultItem[] = [];
  for (let start = 0; start < items.length; start += STEP) {
    const step = await Promise.all(
      items.slice(start, start + STEP).map((item) =>
        decryptCipher({ type: item.type, reprompt: item.reprompt, key: item.key, data: item.data }, key).then(
          (view) => ({ item, view }),
          () => null,
        ),
      ),
    );
    decrypted.push(...step.filter((entry) => entry !== null));
    if (!onProgress(Math.min(start + STEP, items.length))) break;
    await nextTurn();
  }
  return decrypted;
}
