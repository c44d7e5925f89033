import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgScope } from "@/lib/authz/scope";
import { listOrganizationCollectionNames } from "@/lib/dal/items";
import { listImportedFiles } from "@/lib/dal/organization-imports";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import data" };

/** Import into one of the organization's collections: owners, admins with the right, and the managing provider. */
export default async function ImportPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.import_export");
  const [collections, importedFiles] = await Promise.all([
    listOrganizationCollectionNames(scope),
    listImportedFiles(scope),
  ]);
  return (
    <>
      <PageHeader
        title="Import data"
        description="Bring items from Bitwarden, a browser, LastPass, 1Password or KeePass into one of this organization's collections. Folders and favorites in the file are not kept: every item goes into the collection you choose."
      />
      <ImportForm organizationId={scope.organizationId} collections={collections} importedFiles={importedFiles} />
    </>
  );
}
