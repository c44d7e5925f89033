import { recordVaultExport } from "@/app/(console)/organizations/[organizationId]/settings/export/actions";
import { importItemsBatch } from "@/app/(console)/organizations/[organizationId]/settings/import/actions";
import { FAKE_LOGIN } from "../../../support/fakes";
import type { IsolationEntry } from "./types";

export const IMPORT_EXPORT_ACTIONS: IsolationEntry[] = [
  {
    name: "organization.items.import",
    grants: false,
    action: importItemsBatch,
    // Provider members may import into a client (DESIGN §6), though they cannot read its items.
    allowed: ["client_owner", "service_user", "provider_admin"],
    input: (demo) => ({
      organizationId: demo.client1,
      fileHash: `${"A".repeat(43)}=`,
      items: [{ cipher: FAKE_LOGIN, collectionIds: [demo.client1Collection] }],
    }),
  },
  {
    name: "organization.vault.exported",
    grants: false,
    action: recordVaultExport,
    // Provider members never read a client's items, so they cannot export them either (DESIGN §6).
    allowed: ["client_owner"],
    input: (demo) => ({ organizationId: demo.client1, format: "encrypted_json", count: 3 }),
  },
];
