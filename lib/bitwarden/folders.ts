import "server-only";
import type { EncString } from "@/lib/crypto";

/** FolderResponse: the name stays encrypted under the user key. */
export function folderResponse(folder: { id: string; name: EncString; updatedAt: Date }) {
  return { object: "folder", id: folder.id, name: folder.name, revisionDate: folder.updatedAt.toISOString() };
}
