"use client";

import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { AccessEditor, type AccessEntry } from "@/components/organization/access-editor";
import { useDecryptedNames } from "@/components/organization/use-decrypted-names";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { Menu } from "@/components/ui/menu";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { OrganizationDirectory } from "@/lib/dal/organization-directory";
import { createGroupAction, deleteGroupAction, updateGroupAction } from "./actions";

type Group = OrganizationDirectory["groups"][number];

export function GroupsManager({
  organizationId,
  directory,
}: {
  organizationId: string;
  directory: OrganizationDirectory;
}) {
  const [editing, setEditing] = useState<Group | "new" | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);
  const remove = useAction(deleteGroupAction, { success: () => "The group was deleted." });
  const toast = useToast();

  return (
    <>
      <div className="mb-4 flex justify-end">
        <Button onClick={() => setEditing("new")}>
          <Plus aria-hidden="true" className="size-4" />
          New group
        </Button>
      </div>
      {directory.groups.length === 0 ? (
        <EmptyState title="No groups yet.">
          Groups give several members the same access to collections at once.
        </EmptyState>
      ) : (
        <Table caption="Groups">
          <THead>
            <TH>Group</TH>
            <TH align="right">Members</TH>
            <TH align="right">Collections</TH>
            <TH align="right">
              <span className="sr-only">Options</span>
            </TH>
          </THead>
          <TBody>
            {directory.groups.map((group) => (
              <TR key={group.id}>
                <RowHeader>{group.name}</RowHeader>
                <TD align="right">{group.memberIds.length}</TD>
                <TD align="right">{group.collections.length}</TD>
                <TD align="right">
                  <Menu
                    label="Options"
                    accessibleLabel={`Options for ${group.name}`}
                    variant="ghost"
                    items={[
                      { label: "Edit", onSelect: () => setEditing(group) },
                      { label: "Delete", tone: "danger", onSelect: () => setDeleting(group) },
                    ]}
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {editing ? (
        <GroupDialog
          organizationId={organizationId}
          directory={directory}
          group={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name}?`}
        message="Its members stay in the organization but lose the access this group gave them."
        confirmLabel="Delete group"
        tone="danger"
        busy={remove.busy}
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const result = await remove.run({ organizationId, groupId: deleting!.id });
          setDeleting(null);
          if (!result.ok) toast.show(result.error, "error");
        }}
      />
    </>
  );
}

function GroupDialog({
  organizationId,
  directory,
  group,
  onClose,
}: {
  organizationId: string;
  directory: OrganizationDirectory;
  group: Group | null;
  onClose: () => void;
}) {
  const names = useDecryptedNames(organizationId, directory.collections);
  const [memberIds, setMemberIds] = useState<string[]>(group?.memberIds ?? []);
  const [collections, setCollections] = useState<AccessEntry[]>(
    group?.collections.map((grant) => ({ id: grant.collectionId, level: grant.level })) ?? [],
  );
  const save = useAction(group ? updateGroupAction : createGroupAction, {
    success: () => (group ? "The group was saved." : "The group was created."),
  });
  const members = directory.members.filter((member) => member.status !== "revoked");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    const result = await save.run({
      organizationId,
      groupId: group?.id,
      name,
      memberIds,
      collections: collections.map((grant) => ({ collectionId: grant.id, level: grant.level })),
    });
    if (result.ok) onClose();
  }

  return (
    <Dialog open onClose={onClose} busy={save.busy} title={group ? `Edit ${group.name}` : "New group"} size="lg">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {save.error ? <Alert tone="error">{save.error}</Alert> : null}
        <TextField
          label="Name"
          name="name"
          required
          defaultValue={group?.name ?? ""}
          error={save.fieldErrors.name}
          data-autofocus
        />
        <fieldset className="flex max-h-48 flex-col gap-1 overflow-y-auto">
          <legend className="mb-1 text-sm font-medium text-slate-800">Members</legend>
          {members.length === 0 ? <p className="text-sm text-slate-600">The organization has no members yet.</p> : null}
          {members.map((member) => (
            <label key={member.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={memberIds.includes(member.id)}
                onChange={(event) =>
                  setMemberIds(
                    event.target.checked ? [...memberIds, member.id] : memberIds.filter((id) => id !== member.id),
                  )
                }
              />
              {member.name ? `${member.name} (${member.email})` : member.email}
            </label>
          ))}
        </fieldset>
        <AccessEditor
          legend="Collections"
          options={directory.collections.map((collection) => ({
            id: collection.id,
            label: names?.get(collection.id) ?? "…",
          }))}
          value={collections}
          onChange={setCollections}
          noneChosenText="The group reaches no collection yet."
          noOptionsText="This organization has no collections yet."
        />
        <DialogFormActions onCancel={onClose} busy={save.busy} />
      </form>
    </Dialog>
  );
}
