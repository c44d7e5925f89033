import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { scopeHolds } from "@/lib/authz/console-sections";
import { requireOrgScope } from "@/lib/authz/scope";
import { loadOrganizationDirectory } from "@/lib/dal/organization-directory";
import { CollectionsManager } from "./collections-manager";

export const metadata: Metadata = { title: "Collections" };

export default async function CollectionsPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.console.access");
  const directory = await loadOrganizationDirectory(scope);
  return (
    <>
      <PageHeader
        title="Collections"
        description="Collections group the organization's items; members and groups reach them at a chosen level."
      />
      <CollectionsManager
        organizationId={organizationId}
        directory={directory}
        can={{
          create: scopeHolds(scope, "org.collections.create"),
          edit: scopeHolds(scope, "org.collections.edit_any"),
          delete: scopeHolds(scope, "org.collections.delete_any"),
          seeItems: scope.access.via === "member",
        }}
      />
    </>
  );
}
