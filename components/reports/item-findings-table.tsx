import type { ReactNode } from "react";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { DecryptedItem } from "./use-report-items";

export type ItemFinding = { key: string; item: DecryptedItem; finding: ReactNode };

function None({ label }: { label: string }) {
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** The table every item report shows: which item (name, username, collections) and what the report found. */
export function ItemFindingsTable({
  caption,
  findingLabel,
  rows,
}: {
  caption: string;
  findingLabel: string;
  rows: ItemFinding[];
}) {
  return (
    <Table caption={caption}>
      <THead>
        <TH>Name</TH>
        <TH>Username</TH>
        <TH>Collections</TH>
        <TH>{findingLabel}</TH>
      </THead>
      <TBody>
        {rows.map(({ key, item, finding }) => (
          <TR key={key} className="align-top">
            <RowHeader className="break-words">{item.name}</RowHeader>
            <TD className="break-all">{item.login?.username || <None label="No username" />}</TD>
            <TD>
              {item.collectionNames.length > 0 ? item.collectionNames.join(", ") : <None label="In no collection" />}
            </TD>
            <TD>{finding}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
