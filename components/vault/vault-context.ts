import type { GeneratorRules } from "@/lib/policies/generator";

/** What item forms and dialogs need to know about the person's vault (decrypted names, policies). */
export type VaultContext = {
  organizations: { id: string; name: string }[];
  /** Collections the person reaches, names decrypted; read-only ones cannot receive items. */
  collections: { id: string; organizationId: string; name: string; readOnly: boolean }[];
  folders: { id: string; name: string }[];
  /** False when an organization's "remove individual vault" policy applies. */
  personalAllowed: boolean;
  generatorRules: GeneratorRules | null;
};
