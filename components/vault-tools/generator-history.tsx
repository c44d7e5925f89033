"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "./copy-button";
import { HISTORY_LIMIT, type HistoryEntry } from "./use-generator-history";

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** The values copied or used in this tab, newest first, each with a Copy button; and a way to forget them. */
export function GeneratorHistory({ entries, onClear }: { entries: HistoryEntry[]; onClear: () => void }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            Generator history
          </h2>
          <p className="text-xs text-slate-600">{`What you copied or used in this tab (the last ${HISTORY_LIMIT}), kept encrypted with your vault's key.`}</p>
        </div>
        <Button variant="secondary" onClick={onClear} disabled={entries.length === 0}>
          Clear history
        </Button>
      </div>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {entries.map((entry) => {
            const time = timeFormat.format(entry.createdAt);
            return (
              <li key={entry.value} className="flex items-center justify-between gap-3 px-3 py-2">
                <div className="min-w-0">
                  <p className="font-mono text-sm wrap-anywhere">{entry.value}</p>
                  <p className="text-xs text-slate-600">
                    <time dateTime={new Date(entry.createdAt).toISOString()}>{time}</time>
                  </p>
                </div>
                <CopyButton
                  value={entry.value}
                  label="Password"
                  accessibleLabel={`Copy password from ${time}`}
                  variant="ghost"
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
