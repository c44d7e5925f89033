import { Alert } from "@/components/ui/alert";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { SkippedRow } from "@/lib/import";

const count = (value: number) => value.toLocaleString("en");

/** Numbered rows first, in order, then anything named otherwise. */
function byRow(a: SkippedRow, b: SkippedRow): number {
  if (typeof a.row === "number" && typeof b.row === "number") return a.row - b.row;
  return String(a.row).localeCompare(String(b.row), "en", { numeric: true });
}

/** The rows or items of the file that were not imported, and why. */
export function SkippedRows({ skipped, rowLabel }: { skipped: SkippedRow[]; rowLabel: string }) {
  if (skipped.length === 0) return null;
  return (
    <Table caption={`Skipped (${count(skipped.length)})`} showCaption>
      <THead>
        <TH className="w-32">{rowLabel}</TH>
        <TH>Reason</TH>
      </THead>
      <TBody>
        {[...skipped].sort(byRow).map((entry, index) => (
          <TR key={`${entry.row}-${index}`}>
            <RowHeader>{entry.row}</RowHeader>
            <TD>{entry.reason}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

export type ImportOutcome =
  | { kind: "done"; imported: number; skipped: SkippedRow[]; collection: string }
  | { kind: "stopped"; imported: number; total: number; error: string; skipped: SkippedRow[]; collection: string };

/** What the import did: how many items arrived where, what was skipped and why, or where it stopped. */
export function ImportSummary({ outcome, rowLabel }: { outcome: ImportOutcome; rowLabel: string }) {
  const skipped = outcome.skipped.length;
  return (
    <div className="flex flex-col gap-4">
      {outcome.kind === "done" ? (
        <Alert
          tone={outcome.imported > 0 ? "success" : "warning"}
          title={`${count(outcome.imported)} imported, ${count(skipped)} skipped`}
        >
          {outcome.imported > 0
            ? `The items are in the collection “${outcome.collection}”.`
            : "Nothing in this file could be imported."}
          {skipped > 0 ? " The skipped rows and the reasons are listed below." : null}
        </Alert>
      ) : (
        <Alert tone="error" title="The import stopped">
          {outcome.error} {count(outcome.imported)} of {count(outcome.total)} items were imported into “
          {outcome.collection}” before it stopped; the rest were not.
        </Alert>
      )}
      <SkippedRows skipped={outcome.skipped} rowLabel={rowLabel} />
    </div>
  );
}
