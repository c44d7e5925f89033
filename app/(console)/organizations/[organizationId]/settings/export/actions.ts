"use server";

import { z } from "zod";
import { defineAction } from "@/lib/authz/action";
import { ActionError } from "@/lib/authz/action-error";
import { org } from "@/lib/authz/scope-rules";
import { EXPORT_FORMAT_IDS } from "@/lib/export";
import { uuidSchema } from "@/lib/validation/common";

const PROVIDER_EXPORT_REFUSAL =
  "Provider members cannot export a client's vault: its items stay private to the organization's members.";

const vaultExportSchema = z.object({
  organizationId: uuidSchema,
  format: z.enum(EXPORT_FORMAT_IDS, { error: "Choose an export format." }),
  count: z.number({ error: "The number of exported items is missing." }).int().min(0).max(1_000_000),
});

/**
 * The browser builds the export from items only it can decrypt, so the server cannot see an export happen: the
 * page records it here (format and item count) before it offers the file.
 */
export const recordVaultExport = defineAction({
  name: "organization.vault.exported",
  input: vaultExportSchema,
  scope: org("org.import_export"),
  async run({ input, scope, record }) {
    if (scope.access.via === "provider") throw new ActionError(PROVIDER_EXPORT_REFUSAL);
    await record({ type: "organization_vault_exported", details: { format: input.format, count: input.count } });
    return {};
  },
});
