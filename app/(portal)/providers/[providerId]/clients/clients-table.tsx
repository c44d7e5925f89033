"use client";

import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ClientRow } from "@/lib/dal/clients";
import { planLabel } from "@/lib/plans";
import { ClientLink, ClientRowActions } from "./client-row-actions";

function needsConfirmation(count: number): string {
  return count === 1 ? "1 member needs confirmation" : `${count} members need confirmation`;
}

/**
 * The clients table, drawn in the browser from the rows alone: the page sends each row's data once instead of a
 * rendered tree per row with the same data again in every row's menu.
 */
export function ClientsTable({
  providerId,
  providerName,
  providerEnabled,
  clients,
  canUnlink,
}: {
  providerId: string;
  providerName: string;
  providerEnabled: boolean;
  clients: ClientRow[];
  canUnlink: boolean;
}) {
  return (
    <Table caption={`Clients of ${providerName}`}>
      <THead>
        <TH>Client</TH>
        <TH align="right">Assigned</TH>
        <TH align="right">Used</TH>
        <TH align="right">Remaining</TH>
        <TH>Plan</TH>
        <TH align="right">
          <span className="sr-only">Actions</span>
        </TH>
      </THead>
      <TBody>
        {clients.map((client) => (
          <TR key={client.id}>
            <RowHeader>
              <ClientLink providerId={providerId} organizationId={client.id} name={client.name} />
              {client.enabled && providerEnabled ? null : (
                <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">Disabled</span>
              )}
              {client.needsConfirmation > 0 ? (
                <span className="mt-1 block text-xs font-normal text-amber-800">
                  {needsConfirmation(client.needsConfirmation)}
                </span>
              ) : null}
            </RowHeader>
            <TD align="right">{client.assigned}</TD>
            <TD align="right">{client.used}</TD>
            <TD align="right">{client.assigned - client.used}</TD>
            <TD>{planLabel(client.planType)}</TD>
            <TD align="right">
              <ClientRowActions providerId={providerId} client={client} canUnlink={canUnlink} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
