"use client";

import { useId } from "react";
import { ACCESS_LEVEL_LABELS, ACCESS_LEVEL_NAMES, type AccessLevel } from "@/lib/vault/access-levels";

export type AccessOption = { id: string; label: string };
export type AccessEntry = { id: string; level: AccessLevel };

type Props = {
  /** What the list grants access to or for ("Collections", "Members", "Groups"). */
  legend: string;
  options: AccessOption[];
  value: AccessEntry[];
  onChange: (value: AccessEntry[]) => void;
  /** Shown while nothing is chosen but there is something to choose. */
  noneChosenText: string;
  /** Shown when there is nothing to choose from at all. */
  noOptionsText: string;
};

/** A list of grants, each at one of Bitwarden's five access levels, with a picker to add more. */
export function AccessEditor({ legend, options, value, onChange, noneChosenText, noOptionsText }: Props) {
  const addId = useId();
  const labelOf = (id: string) => options.find((option) => option.id === id)?.label ?? id;
  const available = options.filter((option) => !value.some((entry) => entry.id === option.id));
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {value.length === 0 ? (
        <p className="text-sm text-slate-600">{options.length === 0 ? noOptionsText : noneChosenText}</p>
      ) : null}
      <ul className="flex flex-col gap-2">
        {value.map((entry) => (
          <li key={entry.id} className="flex items-center gap-2">
            <span className="min-w-0 flex-1 truncate text-sm">{labelOf(entry.id)}</span>
            <label className="sr-only" htmlFor={`${addId}-${entry.id}`}>
              Access of {labelOf(entry.id)}
            </label>
            <select
              id={`${addId}-${entry.id}`}
              value={entry.level}
              onChange={(event) =>
                onChange(
                  value.map((other) =>
                    other.id === entry.id ? { ...other, level: event.target.value as AccessLevel } : other,
                  ),
                )
              }
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
            >
              {ACCESS_LEVEL_NAMES.map((level) => (
                <option key={level} value={level}>
                  {ACCESS_LEVEL_LABELS[level]}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => onChange(value.filter((other) => other.id !== entry.id))}
              className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50"
              aria-label={`Remove ${labelOf(entry.id)}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {available.length > 0 ? (
        <div className="flex items-center gap-2">
          <label htmlFor={addId} className="text-sm text-slate-700">
            Add
          </label>
          <select
            id={addId}
            value=""
            onChange={(event) => event.target.value && onChange([...value, { id: event.target.value, level: "edit" }])}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            <option value="">Choose…</option>
            {available.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </fieldset>
  );
}
