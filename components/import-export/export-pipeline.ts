import { type SymmetricKey, decryptString } from "@/lib/crypto";
import type { VaultItem } from "@/lib/dal/items";
import { type ExportFormatId, type ExportItem, type ExportSource, toBitwardenCsv, toBitwardenJson, toPasswordProtectedJson } from "@/lib/export";
import { decryptCipher } from "@/lib/vault/cipher-crypto";

/**
 * The browser's part of an export: fetch the organization's encrypted items, decrypt them here, write the file and
 * hand it to the browser as a download. The plaintext never leaves this tab except as the file the person saves.
 */

/** A step that failed, with a sentence for the page (never item content). */
export class ExportError extends Error {
  override readonly name = "ExportError";
}

type ItemsResponse = { items: VaultItem[]; collections: { id: string; name: string }[] };

/** Items decrypted between two progress updates. */
const DECRYPT_STEP = 25;

export async function fetchExportItems(organizationId: string): Promise<ItemsResponse> {
  let response: Response;
  try {
    response = await fetch(`/organizations/${organizationId}/items?for=export`, { cache: "no-store" });
  } catch {
    throw new ExportError("The organization's items could not be loaded. Check your connection and try again.");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    throw new ExportError(typeof body?.error === "string" ? body.error : "The organization's items could not be loaded. Reload the page and try again.");
  }
  return (await response.json()) as ItemsResponse;
}

export type DecryptedExport = {
  source: ExportSource;
  /** Items the member may only view without passwords: the server sent them without, so the file has none either. */
  withoutPasswords: number;
  /** Items whose ciphertext would not decrypt (damaged, or under another key): left out and counted. */
  undecryptable: number;
};

async function decryptItem(item: VaultItem, key: SymmetricKey): Promise<ExportItem | null> {
  try {
    const view = await decryptCipher({ type: item.type, reprompt: item.reprompt, data: item.data }, key);
    return { id: item.id, view, collectionIds: item.collectionIds, revisionDate: item.updatedAt };
  } catch {
    return null;
  }
}

/** Decrypts the items and collection names for the file, reporting progress. */
export async function decryptForExport(
  organizationId: string,
  response: ItemsResponse,
  key: SymmetricKey,
  onProgress: (done: number) => void,
): Promise<DecryptedExport> {
  const collections = await Promise.all(
    response.collections.map(async (collection) => ({ id: collection.id, name: await decryptString(collection.name, key).catch(() => "(name cannot be decrypted)") })),
  );
  const items: ExportItem[] = [];
  for (let start = 0; start < response.items.length; start += DECRYPT_STEP) {
    const step = await Promise.all(response.items.slice(start, start + DECRYPT_STEP).map((item) => decryptItem(item, key)));
    items.push(...step.filter((item): item is ExportItem => item !== null));
    onProgress(Math.min(start + DECRYPT_STEP, response.items.length));
  }
  return {
    source: { organizationId, collections, items },
    withoutPasswords: response.items.filter((item) => !item.permissions.viewPassword).length,
    undecryptable: response.items.length - items.length,
  };
}

/** The file's text in `format`, and how many items the format could not hold (CSV: cards, identities, SSH keys). */
export async function writeExportFile(format: ExportFormatId, source: ExportSource, password: string): Promise<{ text: string; leftOut: number }> {
  switch (format) {
    case "json":
      return { text: toBitwardenJson(source), leftOut: 0 };
    case "csv": {
      const { csv, leftOut } = toBitwardenCsv(source);
      return { text: csv, leftOut };
    }
    case "encrypted_json":
      return { text: await toPasswordProtectedJson(source, password), leftOut: 0 };
  }
}

/** Saves `text` as a file through the browser's download, from memory (a Blob), never through the server. */
export function downloadFile(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Freed a moment later: revoking at once can cancel the download before the browser has read the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
