import type { CipherView } from "@/lib/vault/cipher-model";

/** A collection with its decrypted name. */
export type ExportCollection = { id: string; name: string };

/** An item as the browser decrypted it, with what the export keeps about it besides its content. */
export type ExportItem = { id: string; view: CipherView; collectionIds: string[]; revisionDate: string };

/** Everything an organization export holds; built in the browser, never sent to the server. */
export type ExportSource = { organizationId: string; collections: ExportCollection[]; items: ExportItem[] };
