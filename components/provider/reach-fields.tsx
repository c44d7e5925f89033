"use client";

import { type Choice, ChoiceList } from "@/components/provider/choice-list";

export type ReachChoice = { allClients: boolean; clientIds: string[]; groupIds: string[] };

/**
 * All clients, or chosen clients and client groups (DESIGN §13): the form of a service user's reach and of the clients
 * a policy baseline covers. A group's clients follow the group: tag a client later and it is included too.
 */
export function ReachFields({
  legend,
  allLabel = "All clients",
  value,
  onChange,
  clients,
  groups,
  error,
}: {
  legend: string;
  allLabel?: string;
  value: ReachChoice;
  onChange: (value: ReachChoice) => void;
  clients: readonly Choice[];
  groups: readonly Choice[];
  error?: string;
}) {
  return (
    <>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="reach"
            checked={value.allClients}
            onChange={() => onChange({ ...value, allClients: true })}
            data-autofocus
          />
          {allLabel}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="reach"
            checked={!value.allClients}
            onChange={() => onChange({ ...value, allClients: false })}
          />
          Chosen clients and groups
        </label>
      </fieldset>
      {value.allClients ? null : (
        <>
          <ChoiceList
            legend="Clients"
            noun="clients"
            choices={clients}
            selected={value.clientIds}
            onChange={(clientIds) => onChange({ ...value, clientIds })}
          />
          <ChoiceList
            legend="Client groups"
            noun="groups"
            choices={groups}
            selected={value.groupIds}
            onChange={(groupIds) => onChange({ ...value, groupIds })}
          />
          {error ? <p className="text-sm text-red-700">{error}</p> : null}
        </>
      )}
    </>
  );
}
