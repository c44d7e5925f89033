import { UNREADABLE } from "@/components/organization/use-decrypted-names";
import {
  decryptCollectionNames,
  decryptItems,
  fetchOrganizationItems,
  type OrganizationItems,
} from "@/components/reports/organization-items";
import type { SymmetricKey } from "@/lib/crypto";
import {
  type ExportFormatId,
  type ExportItem,
  type ExportSource,
  toBitwardenCsv,
  toBitwardenJson,
  toPasswordProtectedJson,
} from "@/lib/export";

/**
 * The browser's part of an export: fetch the organization's encrypted items, decrypt them here, write the file and
 * hand it to the browser as a download. The plaintext never leaves this tab except as the file the person saves.
 */

/** A step that failed, with a sentence for the page (never item content). */
export class ExportError extends Error {
  override readonly name = "ExportError";
}

const LOAD_MESSAGES = {
  offline: "The organization's items could not be loaded. Check your connection and try again.",
  failed: "The organization's items could not be loaded. Reload the page and try again.",
};

export function fetchExportItems(organizationId: string): Promise<OrganizationItems> {
  return fetchOrganizationItems(organizationId, "export", LOAD_MESSAGES, (message) => new ExportError(message));
}

export type DecryptedExport = {
  source: ExportSource;
  /** Items the member may only view without passwords: the server sent them without, so the file has none either. */
  withoutPasswords: number;
  /** Items whose ciphertext would not decrypt (damaged, or under another key): left out and counted. */
  undecryptable: number;
};

/** Decrypts the items and collection names for the file, reporting progress. */
export async function decryptForExport(
  organizationId: string,
  response: OrganizationItems,
  key: SymmetricKey,
  onProgress: (done: number) => void,
): Promise<DecryptedExport> {
  const collections = await decryptCollectionNames(response.collections, key, UNREADABLE);
  const decrypted = await decryptItems(response.items, key, (done) => {
    onProgress(done);
    return true;
  });
  const items: ExportItem[] = decrypted.map(({ item, view }) => ({
    id: item.id,
    view,
    collectionIds: item.collectionIds,
    revisionDate: item.updatedAt,
  }));
  return {
    source: { organizationId, collections, items },
    withoutPasswords: response.items.filter((item) => !item.permissions.viewPassword).length,
    undecryptable: response.items.length - items.length,
  };
}

/** The file's text in `format`, and how many items the format could not hold (CSV: cards, identities, SSH keys). */
export async function writeExportFile(
  format: ExportFormatId,
  source: ExportSource,
  password: string,
): Promise<{ text: string; leftOut: number }> {
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
