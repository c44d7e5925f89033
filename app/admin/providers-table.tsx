import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import type { OperatorProviderRow } from "@/lib/dal/operator";
import { ProviderRowActions } from "./provider-row-actions";

const STATUS_LABELS: Record<OperatorProviderRow["status"], string> = {
  pending: "Pending",
  created: "Created",
  billable: "Billable",
};

/** The operator's list of providers, one row each, with the row's actions in the last column. */
export function ProvidersTable({ rows }: { rows: OperatorProviderRow[] }) {
  return (
    <Table caption="Providers">
      <THead>
        <TH>Name</TH>
        <TH>Status</TH>
        <TH>Enabled</TH>
        <TH align="right">Clients</TH>
        <TH align="right">Teams seat minimum</TH>
        <TH align="right">Enterprise seat minimum</TH>
        <TH>Created</TH>
        <TH align="right">Actions</TH>
      </THead>
      <TBody>
        {rows.map((provider) => (
          <TR key={provider.id}>
            <RowHeader className="min-w-40">{provider.name}</RowHeader>
            <TD>{STATUS_LABELS[provider.status]}</TD>
            <TD>
              <EnabledBadge enabled={provider.enabled} />
            </TD>
            <TD align="right">{provider.clients}</TD>
            <TD align="right">{provider.teamsMinimum}</TD>
            <TD align="right">{provider.enterpriseMinimum}</TD>
            <TD className="whitespace-nowrap">
              {/* UTC and a fixed format: the server renders it, whatever the viewer's locale. */}
              <time dateTime={provider.createdAt.toISOString()}>{provider.createdAt.toISOString().slice(0, 10)}</time>
            </TD>
            <TD align="right">
              <ProviderRowActions provider={provider} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

function EnabledBadge({ enabled }: { enabled: boolean }) {
  return (
    <span
      className={cn(
        "rounded px-2 py-0.5 text-xs font-medium",
        enabled ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900",
      )}
    >
      {enabled ? "Enabled" : "Disabled"}
    </span>
  );
}
