import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { describeEvent } from "@/lib/audit/event-types";
import { EVENT_COLUMNS, eventClient, eventMember, type EventRow, formatEventTime } from "@/lib/events/rows";

function None() {
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">None</span>
    </span>
  );
}

/** The event log as a table (Timestamp, Member, Event, Client, IP), from plain rows of any scoped read. */
export function EventTable({ rows, caption }: { rows: readonly EventRow[]; caption: string }) {
  return (
    <Table caption={caption}>
      <THead>
        {EVENT_COLUMNS.map((column) => (
          <TH key={column}>{column}</TH>
        ))}
      </THead>
      <TBody>
        {rows.map((row) => {
          const member = eventMember(row);
          const client = eventClient(row);
          return (
            <TR key={row.id} className="align-top">
              <RowHeader className="font-normal whitespace-nowrap text-slate-700">
                <time dateTime={row.occurredAt.toISOString()}>{formatEventTime(row.occurredAt)}</time>
              </RowHeader>
              <TD>
                <div className="font-medium">{member.name}</div>
                {member.email ? <div className="text-slate-600">{member.email}</div> : null}
              </TD>
              <TD>{describeEvent(row.type)}</TD>
              <TD>{client ?? <None />}</TD>
              <TD className="whitespace-nowrap">{row.ip ? <span className="font-mono text-xs">{row.ip}</span> : <None />}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
