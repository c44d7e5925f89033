import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireOperatorScope } from "@/lib/authz/scope";
import { listPendingProviderRequests, type PendingProviderRequest } from "@/lib/dal/provider-requests";
import { planLabel } from "@/lib/plans";
import { REQUESTABLE_PROVIDER_TYPES } from "@/lib/validation/provider-requests";
import { RequestActions } from "./request-actions";

export const metadata: Metadata = { title: "Provider requests | Operator" };

const TYPE_LABELS: Record<PendingProviderRequest["type"], string> = {
  ...REQUESTABLE_PROVIDER_TYPES,
  business_unit: "Business unit",
};

/** "Become a provider" requests waiting for an operator, oldest first: approve or reject each. */
export default async function ProviderRequestsPage() {
  const scope = await requireOperatorScope();
  const { rows, total } = await listPendingProviderRequests(scope);
  return (
    <>
      <PageHeader
        title="Provider requests"
        description="Businesses asking to become providers. Approving creates the provider with the requester as its first admin; rejecting mails them your reason."
      />
      {rows.length > 0 ? (
        <>
          <RequestsTable rows={rows} />
          {total > rows.length ? (
            <p className="mt-3 text-sm text-slate-600">
              Showing the oldest {rows.length} of {total} requests.
            </p>
          ) : null}
        </>
      ) : (
        <EmptyState title="No requests are waiting." />
      )}
    </>
  );
}

function RequestsTable({ rows }: { rows: PendingProviderRequest[] }) {
  return (
    <Table caption="Pending provider requests">
      <THead>
        <TH>Business</TH>
        <TH>Billing email</TH>
        <TH>Requester</TH>
        <TH>Internal organization</TH>
        <TH>First client</TH>
        <TH>Submitted</TH>
        <TH align="right">Actions</TH>
      </THead>
      <TBody>
        {rows.map((request) => (
          <TR key={request.id}>
            <RowHeader className="min-w-40">
              <span className="block">{request.businessName}</span>
              <span className="block text-xs font-normal text-slate-600">{TYPE_LABELS[request.type]}</span>
            </RowHeader>
            <TD className="break-all">{request.billingEmail}</TD>
            <TD>
              <span className="block">{request.requesterName}</span>
              <span className="block text-xs break-all text-slate-600">{request.requesterEmail}</span>
            </TD>
            <TD>
              <span className="block">{request.organizationName}</span>
              <span className="block text-xs whitespace-nowrap text-slate-600">
                {planLabel(request.organizationPlan)}
                {request.organizationSeats !== null
                  ? `, ${request.organizationSeats} ${request.organizationSeats === 1 ? "seat" : "seats"}`
                  : null}
              </span>
            </TD>
            <TD>
              {request.firstClientName ?? (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="sr-only">None</span>
                </>
              )}
            </TD>
            <TD className="whitespace-nowrap">
              {/* UTC and a fixed format: the server renders it, whatever the viewer's locale. */}
              <time dateTime={request.createdAt.toISOString()}>{request.createdAt.toISOString().slice(0, 10)}</time>
            </TD>
            <TD align="right">
              {/* Only what the dialogs say goes to the browser. */}
              <RequestActions
                request={{
                  id: request.id,
                  businessName: request.businessName,
                  requesterEmail: request.requesterEmail,
                  organizationName: request.organizationName,
                }}
              />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
