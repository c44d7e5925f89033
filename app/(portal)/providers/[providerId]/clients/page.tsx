import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageParam } from "@/components/ui/pagination";
import { providerRoleHolds } from "@/lib/authz/permissions";
import { requireProviderScope } from "@/lib/authz/scope";
import { listProviderMoves } from "@/lib/dal/client-moves";
import { CLIENTS_PAGE_SIZE, listClients } from "@/lib/dal/clients";
import { listPendingClients } from "@/lib/dal/pending-clients";
import { requestedFirstClientName } from "@/lib/dal/provider-requests";
import { AddClientMenu } from "./add-client-menu";
import { ClientMoves } from "./client-moves";
import { ClientsTable } from "./clients-table";
import { PendingClients } from "./pending-clients";

export const metadata: Metadata = { title: "Clients" };

type Props = {
  params: Promise<{ providerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ClientsPage({ params, searchParams }: Props) {
  const { providerId } = await params;
  const query = await searchParams;
  const scope = await requireProviderScope(providerId, "provider.clients.view");
  const search = typeof query.q === "string" ? query.q.trim().slice(0, 100) : "";
  const page = pageParam(query.page);
  const canAdd = providerRoleHolds(scope.role, "provider.clients.create");
  const canMoveIn = providerRoleHolds(scope.role, "provider.clients.move_in");
  const { provider } = scope;
  const [{ clients, total }, moves, pending] = await Promise.all([
    listClients(scope, { search, page }),
    canMoveIn ? listProviderMoves(scope) : Promise.resolve([]),
    canAdd && provider.enabled ? listPendingClients(scope) : Promise.resolve([]),
  ]);
  // A provider approved from a request offers the client its request named, until it has one.
  const suggestedName =
    canAdd && clients.length === 0 && !search && page === 1 ? await requestedFirstClientName(scope) : null;
  const canUnlink = providerRoleHolds(scope.role, "provider.clients.unlink");
  const lastPage = Math.max(1, Math.ceil(total / CLIENTS_PAGE_SIZE));
  const href = (target: number) =>
    `/providers/${providerId}/clients?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(target) })}`;

  return (
    <>
      <PageHeader
        title="Clients"
        description="Client organizations this provider manages. Opening one takes you to its Admin Console."
        actions={
          canAdd ? (
            <AddClientMenu providerId={providerId} disabled={!provider.enabled} suggestedName={suggestedName} />
          ) : null
        }
      />
      {pending.length > 0 ? (
        <PendingClients
          providerId={providerId}
          pending={pending.map((row) => ({
            id: row.id,
            name: row.name,
            ownerEmail: row.ownerEmail,
            planType: row.planType,
            seats: row.seats,
            requestedAt: row.createdAt.toISOString(),
            keyName: row.keyName,
          }))}
        />
      ) : null}
      <form role="search" className="mb-4 flex max-w-md gap-2" action={`/providers/${providerId}/clients`}>
        <label htmlFor="client-search" className="sr-only">
          Search clients
        </label>
        <input
          id="client-search"
          name="q"
          type="search"
          defaultValue={search}
          placeholder="Search clients"
          className="flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
        >
          Search
        </button>
      </form>
      {clients.length === 0 && total > 0 ? (
        <EmptyState title={`There is no page ${page}: the clients end on page ${lastPage}.`}>
          <Link href={href(lastPage)} className="font-medium text-brand-700 underline">
            Go to page {lastPage}
          </Link>
        </EmptyState>
      ) : clients.length === 0 ? (
        <EmptyState title={search ? `No clients match "${search}".` : "No clients yet."}>
          {search
            ? null
            : suggestedName
              ? `Your request named ${suggestedName} as your first client: choose Add, then New client.`
              : canAdd
                ? "Add a new client or an organization you own with the Add button, or have an organization's owner move it here with a move code (below)."
                : "A provider admin adds clients."}
        </EmptyState>
      ) : (
        <ClientsTable
          providerId={providerId}
          providerName={provider.name}
          providerEnabled={provider.enabled}
          clients={clients}
          canUnlink={canUnlink}
        />
      )}
      <Pagination page={page} pageSize={CLIENTS_PAGE_SIZE} total={total} href={href} />
      {canMoveIn && provider.enabled ? <ClientMoves providerId={providerId} moves={moves} /> : null}
    </>
  );
}
