import { ADMIN_PAGES } from "./pages/admin";
import { BILLING_EVENTS_PAGES } from "./pages/billing-events";
import { CONSOLE_PAGES } from "./pages/console";
import { CORE_PAGES } from "./pages/core";
import { IMPORT_EXPORT_PAGES } from "./pages/import-export";
import { ORGANIZATION_EVENTS_PAGES } from "./pages/organization-events";
import { ORGANIZATION_SETTINGS_PAGES } from "./pages/organization-settings";
import { POLICIES_PAGES } from "./pages/policies";
import { PROVIDER_ACCESS_PAGES } from "./pages/provider-access";
import { PROVIDER_SCOPES_PAGES } from "./pages/provider-scopes";
import { REPORTS_PAGES } from "./pages/reports";
import { VAULT_TOOLS_PAGES } from "./pages/vault-tools";
import type { PageEntry } from "./types";

/** Every page of the application, with the roles it is for (pages.spec.ts, and the accessibility walk). */
export const PAGES: readonly PageEntry[] = [
  ...CORE_PAGES,
  ...ADMIN_PAGES,
  ...BILLING_EVENTS_PAGES,
  ...PROVIDER_SCOPES_PAGES,
  ...CONSOLE_PAGES,
  ...ORGANIZATION_SETTINGS_PAGES,
  ...ORGANIZATION_EVENTS_PAGES,
  ...POLICIES_PAGES,
  ...PROVIDER_ACCESS_PAGES,
  ...IMPORT_EXPORT_PAGES,
  ...REPORTS_PAGES,
  ...VAULT_TOOLS_PAGES,
];
