import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { UserScope } from "@/lib/authz/scope-brand";
import type { EncString } from "@/lib/crypto";
import { listFolders } from "@/lib/dal/items";
import { encStringSchema, uuidSchema } from "@/lib/validation/common";
import { json } from "./route";

/** FolderResponse: the name stays encrypted under the user key. */
export function folderResponse(folder: { id: string; name: EncString; updatedAt: Date }) {
  return { object: "folder", id: folder.id, name: folder.name, revisionDate: folder.updatedAt.toISOString() };
}

/** FolderRequest: the name only, encrypted (its length is the folder actions' to check). */
export const folderRequestSchema = z.object({ name: encStringSchema(2) });

/** The caller's folder the route names; anyone else's (or none) is a 404. */
export async function ownFolder(scope: UserScope, folderId: string) {
  const id = uuidSchema.safeParse(folderId);
  const [folder] = id.success ? await listFolders(scope, id.data) : [];
  if (!folder) notFound();
  return folder;
}

export async function folderAnswer(scope: UserScope, folderId: string): Promise<Response> {
  return json(folderResponse(await ownFolder(scope, folderId)));
}
