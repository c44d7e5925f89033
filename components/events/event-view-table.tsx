"use client";

import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { describeEvent } from "@/lib/events/event-types";
import { EVENT_COLUMNS, type EventColumn, type EventLogKind, type EventView, formatEventTime } from "@/lib/events/rows";

function None() {
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">None</span>
    </span>
  );
}

/** A row's cell in one column; the timestamp names the row. */
function EventCell({ row, column }: { row: EventView; column: EventColumn }) {
  switch (column) {
    case "Timestamp":
      return (
        <RowHeader className="font-normal whitespace-nowrap text-slate-700">
          <time dateTime={row.occurredAt.toISOString()}>{formatEventTime(row.occurredAt)}</time>
        </RowHeader>
      );
    case "Member": {
      const { member } = row;
      return (
        <TD>
          <div className="font-medium">{member.name}</div>
          {member.email || member.provider ? (
            <div className="text-slate-600">
              {member.email}
              {member.email && member.provider ? " · " : null}
              {member.provider ? (
                <>
                  <span className="sr-only">acting for </span>
                  {member.provider}
                </>
              ) : null}
            </div>
          ) : null}
        </TD>
      );
    }
    case "Event":
      return <TD>{describeEvent(row.type)}</TD>;
    case "Client":
      return <TD>{row.client ?? <None />}</TD>;
    case "IP":
      return (
        <TD className="whitespace-nowrap">{row.ip ? <span className="font-mono text-xs">{row.ip}</span> : <None />}</TD>
      );
  }
}

/** The event table's browser half (./event-table.tsx): draws the rows it is given, in the columns of their log. */
export function EventViewTable({
  rows,
  caption,
  kind,
}: {
  rows: readonly EventView[];
  caption: string;
  kind: EventLogKind;
}) {
  const columns = EVENT_COLUMNS[kind];
  return (
    <Table caption={caption}>
      <THead>
        {columns.map((column) => (
          <TH key={column}>{column}</TH>
        ))}
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR key={row.id} className="align-top">
            {columns.map((column) => (
              <EventCell key={column} row={row} column={column} />
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
