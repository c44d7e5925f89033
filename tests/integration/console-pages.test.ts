import { beforeAll, describe, expect, it } from "vitest";
import CollectionsPage from "@/app/(console)/organizations/[organizationId]/collections/page";
import EventsPage from "@/app/(console)/organizations/[organizationId]/events/page";
import GroupsPage from "@/app/(console)/organizations/[organizationId]/groups/page";
import MembersPage from "@/app/(console)/organizations/[organizationId]/members/page";
import OverviewPage from "@/app/(console)/organizations/[organizationId]/overview/page";
import MemberAccessPage from "@/app/(console)/organizations/[organizationId]/reports/member-access/page";
import ReportsPage from "@/app/(console)/organizations/[organizationId]/reports/page";
import ExportPage from "@/app/(console)/organizations/[organizationId]/settings/export/page";
import ImportPage from "@/app/(console)/organizations/[organizationId]/settings/import/page";
import InfoPage from "@/app/(console)/organizations/[organizationId]/settings/info/page";
import PoliciesPage from "@/app/(console)/organizations/[organizationId]/settings/policies/page";
import { type DemoIds, loadDemo } from "../support/demo";
import { makeRoleUsers, type RoleUsers } from "./isolation/roles";
import { signInAs } from "../support/session";

type Page = (props: {
  params: Promise<{ organizationId: string }>;
  searchParams: Promise<Record<string, string>>;
}) => Promise<unknown>;

/**
 * The second gate on pages: each console page asks for its own permission. A Custom member with only "access
 * reports" gets the console, its overview, collections, organization info and the reports, and a 404 everywhere
 * else; a plain member gets a 404 on every page.
 */
const PAGES: [string, Page, boolean][] = [
  ["overview", OverviewPage as Page, true],
  ["collections", CollectionsPage as Page, true],
  ["settings/info", InfoPage as Page, true],
  ["reports", ReportsPage as Page, true],
  ["reports/member-access", MemberAccessPage as Page, true],
  ["members", MembersPage as Page, false],
  ["groups", GroupsPage as Page, false],
  ["events", EventsPage as Page, false],
  ["settings/policies", PoliciesPage as Page, false],
  ["settings/import", ImportPage as Page, false],
  ["settings/export", ExportPage as Page, false],
];

describe("console pages as a Custom member missing the flags, and as a plain member", () => {
  let demo: DemoIds;
  let users: RoleUsers;

  beforeAll(async () => {
    demo = await loadDemo();
    users = await makeRoleUsers(demo);
  });

  const render = (page: Page) =>
    page({ params: Promise.resolve({ organizationId: demo.client1 }), searchParams: Promise.resolve({}) });

  it.each(PAGES)("%s", async (_path, page, customMayOpen) => {
    await signInAs(users.custom_member);
    if (customMayOpen) await expect(render(page)).resolves.toBeDefined();
    else await expect(render(page)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await signInAs(users.client_member);
    await expect(render(page)).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});
