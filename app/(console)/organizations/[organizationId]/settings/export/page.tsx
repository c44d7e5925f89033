import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgScope } from "@/lib/authz/scope";
import { ExportForm } from "./export-form";

export const metadata: Metadata = { title: "Export vault" };

/**
 * Export the organization's items: members who hold the right. Provider members reach this page (they may import)
 * but never a client's items, so they get the reason instead of the form.
 */
export default async function ExportPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.import_export");
  return (
    <>
      <PageHeader
        title="Export vault"
        description="Download the organization's items you can see, to keep a copy or move them to another password manager."
      />
      {scope.access.via === "provider" ? (
        <Alert tone="info" title="Provider members cannot export a client's vault" className="max-w-2xl">
          The organization&apos;s items are encrypted for its own members, and its provider manages it without reading
          them. Ask one of the organization&apos;s owners to export the vault if a copy is needed. You can still import
          items into its collections.
        </Alert>
      ) : (
        <ExportForm organizationId={scope.organizationId} />
      )}
    </>
  );
}
