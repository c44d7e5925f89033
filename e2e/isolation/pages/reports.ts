import type { DemoTenants, PageEntry, PageRole } from "../types";

/**
 * Reports need org.reports.view: owners, admins and the managing provider's members. Provider members get the
 * item reports' pages too (200), which explain that those reports read items they never see.
 */
const CLIENT1_REPORTS: readonly PageRole[] = ["client_owner", "service_user", "provider_admin"];

const REPORT_PATHS = ["", "/weak-passwords", "/reused-passwords", "/unsecured-websites", "/member-access"];

export const REPORTS_PAGES: PageEntry[] = [
  ...REPORT_PATHS.map((path) => ({
    path: (t: DemoTenants) => `/organizations/${t.client1}/reports${path}`,
    allowed: CLIENT1_REPORTS,
  })),
  {
    path: (t) => `/organizations/${t.client2}/reports/member-access`,
    allowed: ["other_client_owner", "service_user", "provider_admin"],
  },
];
