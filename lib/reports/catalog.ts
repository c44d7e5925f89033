/**
 * The Admin Console's reports (issue 4). The item reports decrypt the organization's items in the browser, so
 * they are not open to provider members, who never read a client's items (DESIGN §6); member access comes from
 * the server and is open to everyone holding org.reports.view.
 */
export const REPORTS = [
  {
    path: "weak-passwords",
    title: "Weak passwords",
    description: "Logins whose passwords are easy to guess. Weak passwords are the first thing an attacker tries.",
    readsItems: true,
  },
  {
    path: "reused-passwords",
    title: "Reused passwords",
    description:
      "Passwords saved in more than one login. When one of those accounts is breached, all of them are open.",
    readsItems: true,
  },
  {
    path: "unsecured-websites",
    title: "Unsecured websites",
    description: "Logins for addresses that start with http://, whose traffic anyone on the network can read.",
    readsItems: true,
  },
  {
    path: "member-access",
    title: "Member access",
    description:
      "Which members reach which collections, at which level, and whether directly, through groups or as owners and admins.",
    readsItems: false,
  },
] as const;

export type Report = (typeof REPORTS)[number];
export type ReportPath = Report["path"];

export function reportByPath(path: ReportPath): Report {
  return REPORTS.find((report) => report.path === path)!;
}
