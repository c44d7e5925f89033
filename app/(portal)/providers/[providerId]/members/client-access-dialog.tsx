"use client";

import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import type { Choice } from "@/components/provider/choice-list";
import { ReachFields } from "@/components/provider/reach-fields";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import type { MemberReach } from "@/lib/dal/provider-scopes";
import { updateClientAccessAction } from "./actions";

/** Which clients a service user reaches (DESIGN §13): all of them (the default, as in Bitwarden), or chosen ones. */
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
  const [value, setValue] = useState(reach);
  const save = useAction(updateClientAccessAction, { success: () => `${member.email}'s client access was saved.` });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await save.run({ providerId, memberId: member.id, ...value });
    if (result.ok) onClose();
  }

  return (
    <Dialog open onClose={onClose} busy={save.busy} title={`Client access for ${member.email}`} size="lg">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {save.error ? <Alert tone="error">{save.error}</Alert> : null}
        <ReachFields
          legend="Reach"
          value={value}
          onChange={setValue}
          clients={clients}
          groups={groups}
          error={save.fieldErrors.clientIds}
        />
        <DialogFormActions onCancel={onClose} busy={save.busy} />
      </form>
    </Dialog>
  );
}
