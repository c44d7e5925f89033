"use server";

import { defineAction } from "@/lib/authz/action";
import { org } from "@/lib/authz/scope-rules";
import { createOrganizationItems } from "@/lib/dal/items";
import { recordImportedFile } from "@/lib/dal/organization-imports";
import { importBatchSchema } from "@/lib/validation/items";

/**
 * One batch of an import: items the browser parsed and encrypted with the organization key. Each batch commits on
 * its own, so a long import shows progress; the browser reports what it skipped and why. The file's keyed hash is
 * recorded with each batch, so the page can ask before the same file is imported again.
 */
export const importItemsBatch = defineAction({
  name: "organization.items.import",
  input: importBatchSchema,
  scope: org("org.import_export"),
  async run({ input, scope, tx, record }) {
    const ids = await createOrganizationItems(tx, scope, input.items);
    await recordImportedFile(tx, scope, input.fileHash);
    await record({ type: "organization_items_imported", details: { count: ids.length } });
    return { imported: ids.length };
  },
});
