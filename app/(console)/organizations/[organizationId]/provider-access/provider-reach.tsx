import Link from "next/link";
import { ACCESS_LABELS, formatMoment } from "@/components/provider-access/format";
import { Card } from "@/components/ui/card";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ClientProvider, ProviderReacher } from "@/lib/dal/client-provider";

function reachOf(reacher: ProviderReacher): string {
  switch (reacher.basis) {
    case "admin":
      return "Provider admin (every client)";
    case "all_clients":
      return "All clients";
    case "scoped":
      return [
        ...(reacher.direct ? ["Chosen for this organization"] : []),
        ...reacher.groups.map((group) => `Client group “${group}”`),
      ].join(", ");
  }
}

/**
 * What the client's owners and admins see of their provider (issue 15): who it is, since when, which of its members
 * can reach the organization and why, who reads its items right now, and a link to what they did in it.
 */
export function ProviderReach({
  organizationId,
  organizationName,
  provider,
  eventsVisible,
}: {
  organizationId: string;
  organizationName: string;
  provider: ClientProvider;
  eventsVisible: boolean;
}) {
  return (
    <Card className="mb-6">
      <h2 className="text-lg font-semibold">Managed by {provider.providerName}</h2>
      <p className="mt-1 mb-4 text-sm text-slate-600">
        Since {formatMoment(provider.managedSince)}
        {provider.billingEmail ? ` · contact ${provider.billingEmail}` : ""}. These members of {provider.providerName}{" "}
        can manage {organizationName} (members, groups, collections, policies); none of them reads its items without an
        approved request.
        {eventsVisible ? (
          <>
            {" "}
            <Link className="text-brand-700 underline" href={`/organizations/${organizationId}/events?by=provider`}>
              See what provider members did here
            </Link>
          </>
        ) : null}
      </p>
      <Table caption={`Members of ${provider.providerName} who reach ${organizationName}`}>
        <THead>
          <TH>Member</TH>
          <TH>Reach</TH>
          <TH>Items</TH>
        </THead>
        <TBody>
          {provider.reachers.map((reacher) => (
            <TR key={reacher.email}>
              <RowHeader>
                <span className="block font-medium">{reacher.name ?? reacher.email}</span>
                {reacher.name ? <span className="block text-xs text-slate-600">{reacher.email}</span> : null}
              </RowHeader>
              <TD>{reachOf(reacher)}</TD>
              <TD>
                {reacher.itemAccess
                  ? `${ACCESS_LABELS[reacher.itemAccess.access]} until ${formatMoment(reacher.itemAccess.until)}`
                  : "None"}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
