import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { organizationImports } from "@/db/schema";
import { assertScope, type OrganizationScope } from "@/lib/authz/scope-brand";

/** How many of an organization's latest imported files the import page checks a new file against. */
export const RECENT_IMPORTED_FILES = 100;

export type ImportedFile = { fileHash: string; importedAt: string };

/** Records that the file with this keyed hash was imported now (each batch of it: the latest batch's time stays). */
export async function recordImportedFile(tx: Executor, scope: OrganizationScope, fileHash: string): Promise<void> {
  const { organizationId } = assertScope(scope);
  await tx
    .insert(organizationImports)
    .values({ organizationId, fileHash })
    .onConflictDoUpdate({
      target: [organizationImports.organizationId, organizationImports.fileHash],
      set: { importedAt: sql`now()` },
    });
}

/** The organization's most recently imported files, newest first. */
export async function listImportedFiles(scope: OrganizationScope): Promise<ImportedFile[]> {
  const { organizationId } = assertScope(scope);
  const db = await getDb();
  const rows = await db
    .select({ fileHash: organizationImports.fileHash, importedAt: organizationImports.importedAt })
    .from(organizationImports)
    .where(eq(organizationImports.organizationId, organizationId))
    .orderBy(desc(organizationImports.importedAt))
    .limit(RECENT_IMPORTED_FILES);
  return rows.map((row) => ({ fileHash: row.fileHash, importedAt: row.importedAt.toISOString() }));
}
