import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgScope } from "@/lib/authz/scope";
import { loadOrganizationDirectory } from "@/lib/dal/organization-directory";
import { GroupsManager } from "./groups-manager";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const directory = await loadOrganizationDirectory(await requireOrgScope(organizationId, "org.groups.manage"));
  return (
    <>
      <PageHeader title="Groups" description="Give several members the same access to collections at once." />
      <GroupsManager organizationId={organizationId} directory={directory} />
    </>
  );
}
