"use client";

import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { type Choice, ChoiceList } from "@/components/provider/choice-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { Menu } from "@/components/ui/menu";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { ClientGroup } from "@/lib/dal/provider-scopes";
import {
  createClientGroupAction,
  deleteClientGroupAction,
  renameClientGroupAction,
  setClientGroupClientsAction,
} from "./actions";

type Editing = { kind: "name"; group: ClientGroup | null } | { kind: "clients"; group: ClientGroup } | null;

export function ClientGroupsManager({
  providerId,
  groups,
  clients,
}: {
  providerId: string;
  groups: ClientGroup[];
  clients: Choice[];
}) {
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ClientGroup | null>(null);
  const remove = useAction(deleteClientGroupAction, { success: () => "The group was deleted." });
  const toast = useToast();

  return (
    <>
      <div className="mb-4 flex justify-end">
        <Button onClick={() => setEditing({ kind: "name", group: null })}>
          <Plus aria-hidden="true" className="size-4" />
          New client group
        </Button>
      </div>
      {groups.length === 0 ? (
        <EmptyState title="No client groups yet.">
          A group such as &ldquo;Dental practices&rdquo; lets you give a service user all of its clients at once.
        </EmptyState>
      ) : (
        <Table caption="Client groups">
          <THead>
            <TH>Group</TH>
            <TH align="right">Clients</TH>
            <TH align="right">
              <span className="sr-only">Options</span>
            </TH>
          </THead>
          <TBody>
            {groups.map((group) => (
              <TR key={group.id}>
                <RowHeader>{group.name}</RowHeader>
                <TD align="right">{group.clientIds.length}</TD>
                <TD align="right">
                  <Menu
                    label="Options"
                    accessibleLabel={`Options for ${group.name}`}
                    variant="ghost"
                    items={[
                      { label: "Choose clients", onSelect: () => setEditing({ kind: "clients", group }) },
                      { label: "Rename", onSelect: () => setEditing({ kind: "name", group }) },
                      { label: "Delete", tone: "danger", onSelect: () => setDeleting(group) },
                    ]}
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {editing?.kind === "name" ? (
        <GroupNameDialog providerId={providerId} group={editing.group} onClose={() => setEditing(null)} />
      ) : null}
      {editing?.kind === "clients" ? (
        <GroupClientsDialog
          providerId={providerId}
          group={editing.group}
          clients={clients}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name}?`}
        message="Its clients stay with the provider, but service users lose the clients only this group gave them."
        confirmLabel="Delete group"
        tone="danger"
        busy={remove.busy}
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const result = await remove.run({ providerId, groupId: deleting!.id });
          setDeleting(null);
          if (!result.ok) toast.show(result.error, "error");
        }}
      />
    </>
  );
}

function GroupNameDialog({
  providerId,
  group,
  onClose,
}: {
  providerId: string;
  group: ClientGroup | null;
  onClose: () => void;
}) {
  const create = useAction(createClientGroupAction, { success: () => "The group was created." });
  const rename = useAction(renameClientGroupAction, { success: () => "The group was renamed." });
  const state = group ? rename : create;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    const result = group
      ? await rename.run({ providerId, groupId: group.id, name })
      : await create.run({ providerId, name });
    if (result.ok) onClose();
  }

  return (
    <Dialog open onClose={onClose} busy={state.busy} title={group ? `Rename ${group.name}` : "New client group"}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {state.error && !state.fieldErrors.name ? <Alert tone="error">{state.error}</Alert> : null}
        <TextField
          label="Name"
          name="name"
          required
          maxLength={50}
          defaultValue={group?.name ?? ""}
          error={state.fieldErrors.name}
          data-autofocus
        />
        <DialogFormActions onCancel={onClose} busy={state.busy} submitLabel={group ? "Save" : "Create group"} />
      </form>
    </Dialog>
  );
}

function GroupClientsDialog({
  providerId,
  group,
  clients,
  onClose,
}: {
  providerId: string;
  group: ClientGroup;
  clients: Choice[];
  onClose: () => void;
}) {
  const [clientIds, setClientIds] = useState<string[]>(group.clientIds);
  const save = useAction(setClientGroupClientsAction, { success: () => `The clients of ${group.name} were saved.` });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await save.run({ providerId, groupId: group.id, clientIds });
    if (result.ok) onClose();
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={save.busy}
      title={`Clients of ${group.name}`}
      description="Service users given this group reach every client chosen here."
      size="lg"
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {save.error ? <Alert tone="error">{save.error}</Alert> : null}
        <ChoiceList legend="Clients" noun="clients" choices={clients} selected={clientIds} onChange={setClientIds} />
        <DialogFormActions onCancel={onClose} busy={save.busy} />
      </form>
    </Dialog>
  );
}
