"use client";

import { useId, useState } from "react";
import { TextField } from "@/components/ui/field";

export type Choice = { id: string; name: string };

/** At most this many rows at once: a provider may have thousands of clients, and a search finds the rest. */
export const CHOICES_SHOWN = 50;

/**
 * A searchable checkbox list that stays usable at thousands of entries: a search box, the chosen entries first, and
 * at most CHOICES_SHOWN matching rows with a sentence saying how many more the search would reveal.
 */
export function ChoiceList({
  legend,
  noun,
  choices,
  selected,
  onChange,
}: {
  legend: string;
  /** Plural, lower case: "clients", "groups". */
  noun: string;
  choices: readonly Choice[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
}) {
  const [search, setSearch] = useState("");
  const statusId = useId();
  const chosen = new Set(selected);
  const needle = search.trim().toLowerCase();
  const matches = choices.filter((choice) => choice.name.toLowerCase().includes(needle));
  const ordered = [...matches.filter((choice) => chosen.has(choice.id)), ...matches.filter((c) => !chosen.has(c.id))];
  const shown = ordered.slice(0, CHOICES_SHOWN);
  const hidden = ordered.length - shown.length;

  function toggle(id: string) {
    onChange(chosen.has(id) ? selected.filter((other) => other !== id) : [...selected, id]);
  }

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={statusId}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {choices.length > CHOICES_SHOWN ? (
        <TextField
          label={`Search ${noun}`}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      ) : null}
      <p id={statusId} className="text-xs text-slate-600" aria-live="polite">
        {selected.length} of {choices.length} {noun} selected
        {hidden > 0 ? `; ${hidden} more match: search to narrow the list.` : "."}
      </p>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">{choices.length === 0 ? `No ${noun} yet.` : `No ${noun} match.`}</p>
      ) : (
        <ul className="flex max-h-56 flex-col gap-1 overflow-y-auto rounded-md border border-slate-200 p-2">
          {shown.map((choice) => (
            <li key={choice.id}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={chosen.has(choice.id)} onChange={() => toggle(choice.id)} />
                <span className="min-w-0 break-words">{choice.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
