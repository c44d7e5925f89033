import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireOperatorScope } from "@/lib/authz/scope";
import { listProvidersForOperator } from "@/lib/dal/operator";
import { providerListParamsSchema } from "@/lib/validation/operator";
import { NewProviderDialog } from "./new-provider-dialog";
import { ProviderSearch } from "./provider-search";
import { ProvidersPagination } from "./providers-pagination";
import { ProvidersTable } from "./providers-table";

export const metadata: Metadata = { title: "Providers | Operator" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every provider of the installation, for its operators: create, set seat minimums, enable and disable. */
export default async function OperatorProvidersPage({ searchParams }: { searchParams: SearchParams }) {
  const scope = await requireOperatorScope();
  const params = providerListParamsSchema.parse(await searchParams);
  const { rows, total } = await listProvidersForOperator(scope, params);
  return (
    <>
      <PageHeader
        title="Providers"
        description="Every provider on this installation. New providers stay pending until their owner completes setup."
        actions={<NewProviderDialog />}
      />
      <ProviderSearch query={params.q} />
      {rows.length > 0 ? (
        <>
          <ProvidersTable rows={rows} />
          <ProvidersPagination params={params} shown={rows.length} total={total} />
        </>
      ) : (
        <NoProviders params={params} />
      )}
    </>
  );
}

function NoProviders({ params }: { params: { q: string; page: number } }) {
  if (params.page > 1) {
    return (
      <EmptyState title={`There is no page ${params.page}.`}>
        <Link
          href={params.q ? `/admin?q=${encodeURIComponent(params.q)}` : "/admin"}
          className="font-semibold text-brand-700 underline"
        >
          Go to the first page
        </Link>
      </EmptyState>
    );
  }
  if (params.q) return <EmptyState title={`No provider's name contains “${params.q}”.`} />;
  return (
    <EmptyState title="There are no providers yet.">
      Create one with New provider; its owner gets a mail with a setup link.
    </EmptyState>
  );
}
