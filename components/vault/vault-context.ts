import type { z } from "zod";
import type { ActionResult } from "@/lib/authz/action";
import type { GeneratorRules } from "@/lib/policies/generator";
import type { attachmentIdsSchema, createAttachmentSchema } from "@/lib/validation/attachments";
import type {
  addItemsToCollectionsSchema,
  assignCollectionsSchema,
  createFolderSchema,
  createItemSchema,
  deleteFolderSchema,
  itemActivitySchema,
  itemIdsSchema,
  moveItemSchema,
  moveItemsToFolderSchema,
  renameFolderSchema,
  updateItemSchema,
} from "@/lib/validation/items";

type Action<Schema extends z.ZodType, R extends object = object> = (input: z.input<Schema>) => Promise<ActionResult<R>>;

/** The vault's server actions: the vault page hands them down (components never import app/). */
export type VaultActions = {
  createItem: Action<typeof createItemSchema, { cipherId: string }>;
  updateItem: Action<typeof updateItemSchema>;
  trashItems: Action<typeof itemIdsSchema, { count: number }>;
  restoreItems: Action<typeof itemIdsSchema, { count: number }>;
  archiveItems: Action<typeof itemIdsSchema, { count: number }>;
  unarchiveItems: Action<typeof itemIdsSchema, { count: number }>;
  purgeItems: Action<typeof itemIdsSchema, { count: number }>;
  moveItemToOrganization: Action<typeof moveItemSchema>;
  assignCollections: Action<typeof assignCollectionsSchema>;
  moveItemsToFolder: Action<typeof moveItemsToFolderSchema, { count: number }>;
  addItemsToCollections: Action<typeof addItemsToCollectionsSchema, { count: number }>;
  createFolder: Action<typeof createFolderSchema, { folderId: string }>;
  renameFolder: Action<typeof renameFolderSchema>;
  deleteFolder: Action<typeof deleteFolderSchema>;
  logItemActivity: Action<typeof itemActivitySchema>;
  createAttachment: Action<typeof createAttachmentSchema, { attachmentId: string }>;
  deleteAttachment: Action<typeof attachmentIdsSchema>;
};

/** What item forms and dialogs need to know about the person's vault (decrypted names, policies). */
export type VaultContext = {
  /** The person's own organizations: where new items may go. */
  organizations: { id: string; name: string }[];
  /** Clients read through a provider grant while it lasts (named on their items, never an owner to choose). */
  grantedOrganizations: { id: string; name: string }[];
  /** Collections the person reaches, names decrypted; read-only ones cannot receive items. */
  collections: { id: string; organizationId: string; name: string; readOnly: boolean }[];
  folders: { id: string; name: string }[];
  /** False when an organization's "remove individual vault" policy applies. */
  personalAllowed: boolean;
  generatorRules: GeneratorRules | null;
  actions: VaultActions;
};
