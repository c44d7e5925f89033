"use client";

import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { type Choice, ChoiceList } from "@/components/provider/choice-list";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import type { MemberReach } from "@/lib/dal/provider-scopes";
import { updateClientAccessAction } from "./actions";

/**
 * Which clients a service user reaches (DESIGN §13): all of them (the default, as in Bitwarden), or the chosen
 * clients and client groups. A group's clients follow the group: tag a client later and they reach it too.
 */
export function ClientAccessDialog({
  providerId,
  member,
  reach,
  clients,
  groups,
  onClose,
}: {
  providerId: string;
  member: { id: string; email: string };
  reach: MemberReach;
  clients: readonly Choice[];
  groups: readonly Choice[];
  onClose: () => void;
}) {
  const [allClients, setAllClients] = useState(reach.allClients);
  const [clientIds, setClientIds] = useState<string[]>(reach.clientIds);
  const [groupIds, setGroupIds] = useState<string[]>(reach.groupIds);
  const save = useAction(updateClientAccessAction, { success: () => `${member.email}'s client access was saved.` });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await save.run({ providerId, memberId: member.id, allClients, clientIds, groupIds });
    if (result.ok) onClose();
  }

  return (
    <Dialog open onClose={onClose} busy={save.busy} title={`Client access for ${member.email}`} size="lg">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {save.error ? <Alert tone="error">{save.error}</Alert> : null}
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">Reach</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="reach" checked={allClients} onChange={() => setAllClients(true)} data-autofocus />
            All clients
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="reach" checked={!allClients} onChange={() => setAllClients(false)} />
            Chosen clients and groups
          </label>
        </fieldset>
        {allClients ? null : (
          <>
            <ChoiceList
              legend="Clients"
              noun="clients"
              choices={clients}
              selected={clientIds}
              onChange={setClientIds}
            />
            <ChoiceList
              legend="Client groups"
              noun="groups"
              choices={groups}
              selected={groupIds}
              onChange={setGroupIds}
            />
            {save.fieldErrors.clientIds ? <p className="text-sm text-red-700">{save.fieldErrors.clientIds}</p> : null}
          </>
        )}
        <DialogFormActions onCancel={onClose} busy={save.busy} />
      </form>
    </Dialog>
  );
}
