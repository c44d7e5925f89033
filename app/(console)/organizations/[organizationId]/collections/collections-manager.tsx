"use client";

import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { AccessEditor, type AccessEntry } from "@/components/organization/access-editor";
import { useDecryptedNames } from "@/components/organization/use-decrypted-names";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { Menu, type MenuItem } from "@/components/ui/menu";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { encryptString } from "@/lib/crypto";
import type { OrganizationDirectory } from "@/lib/dal/organization-directory";
import { createCollectionAction, deleteCollectionAction, updateCollectionAction } from "./actions";
import { CollectionItems } from "./collection-items";

type Collection = OrganizationDirectory["collections"][number];
type Can = { create: boolean; edit: boolean; delete: boolean; seeItems: boolean };

/** The organization's collections, their names decrypted here, with their access and (for members) their items. */
export function CollectionsManager({
  organizationId,
  directory,
  can,
}: {
  organizationId: string;
  directory: OrganizationDirectory;
  can: Can;
}) {
  const names = useDecryptedNames(organizationId, directory.collections);
  const [editing, setEditing] = useState<Collection | "new" | null>(null);
  const [deleting, setDeleting] = useState<Collection | null>(null);
  const [showing, setShowing] = useState<string | null>(null);
  const remove = useAction(deleteCollectionAction, { success: () => "The collection was deleted." });
  const toast = useToast();
  const nameOf = (collection: Collection) => names?.get(collection.id) ?? "…";
  const sorted = [...directory.collections].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));

  function rowItems(collection: Collection): MenuItem[] {
    const items: MenuItem[] = [];
    if (can.seeItems)
      items.push({
        label: showing === collection.id ? "Hide items" : "Show items",
        onSelect: () => setShowing(showing === collection.id ? null : collection.id),
      });
    if (can.edit) items.push({ label: "Edit", onSelect: () => setEditing(collection) });
    if (can.delete) items.push({ label: "Delete", tone: "danger", onSelect: () => setDeleting(collection) });
    return items;
  }

  return (
    <>
      {can.create ? (
        <div className="mb-4 flex justify-end">
          <Button onClick={() => setEditing("new")}>
            <Plus aria-hidden="true" className="size-4" />
            New collection
          </Button>
        </div>
      ) : null}
      {sorted.length === 0 ? (
        <EmptyState title="No collections yet." />
      ) : (
        <Table caption="Collections">
          <THead>
            <TH>Collection</TH>
            <TH align="right">Items</TH>
            <TH>Access</TH>
            <TH align="right">
              <span className="sr-only">Options</span>
            </TH>
          </THead>
          <TBody>
            {sorted.map((collection) => (
              <TR key={collection.id}>
                <RowHeader>
                  {nameOf(collection)}
                  {showing === collection.id ? (
                    <CollectionItems organizationId={organizationId} collectionId={collection.id} />
                  ) : null}
                </RowHeader>
                <TD align="right">{collection.itemCount}</TD>
                <TD>
                  {collection.members.length} member{collection.members.length === 1 ? "" : "s"},{" "}
                  {collection.groups.length} group
                  {collection.groups.length === 1 ? "" : "s"}
                </TD>
                <TD align="right">
                  <Menu
                    label="Options"
                    accessibleLabel={`Options for ${nameOf(collection)}`}
                    items={rowItems(collection)}
                    variant="ghost"
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {editing ? (
        <CollectionDialog
          organizationId={organizationId}
          directory={directory}
          collection={editing === "new" ? null : editing}
          name={editing === "new" ? "" : nameOf(editing)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting ? nameOf(deleting) : ""}?`}
        message="Its items stay in the organization, without this collection. Members and groups lose the access it gave them."
        confirmLabel="Delete collection"
        tone="danger"
        busy={remove.busy}
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const result = await remove.run({ organizationId, collectionId: deleting!.id });
          setDeleting(null);
          if (!result.ok) toast.show(result.error, "error");
        }}
      />
    </>
  );
}

type DialogProps = {
  organizationId: string;
  directory: OrganizationDirectory;
  collection: Collection | null;
  name: string;
  onClose: () => void;
};

/** Create or edit a collection: its name is encrypted here with the organization key before it leaves the browser. */
function CollectionDialog({ organizationId, directory, collection, name, onClose }: DialogProps) {
  const { keys } = useKeyring();
  const [members, setMembers] = useState<AccessEntry[]>(collection?.members ?? []);
  const [groups, setGroups] = useState<AccessEntry[]>(collection?.groups ?? []);
  const save = useAction(collection ? updateCollectionAction : createCollectionAction, {
    success: () => (collection ? "The collection was saved." : "The collection was created."),
  });
  const [nameError, setNameError] = useState<string | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const plainName = String(new FormData(event.currentTarget).get("name") ?? "").trim();
    setNameError(plainName ? undefined : "Enter a collection name.");
    if (!plainName) return;
    const result = await save.run(async () => ({
      organizationId,
      collectionId: collection?.id,
      name: await encryptString(plainName, await keys.organizationKey(organizationId)),
      members,
      groups,
    }));
    if (result.ok) onClose();
  }

  return (
    <Dialog open onClose={onClose} busy={save.busy} title={collection ? `Edit ${name}` : "New collection"} size="lg">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {save.error ? <Alert tone="error">{save.error}</Alert> : null}
        <TextField
          label="Name"
          name="name"
          required
          defaultValue={name}
          maxLength={200}
          error={nameError ?? save.fieldErrors.name}
          data-autofocus
        />
        <AccessEditor
          legend="Members"
          options={directory.members
            .filter((member) => member.status !== "revoked")
            .map((member) => ({ id: member.id, label: member.email }))}
          value={members}
          onChange={setMembers}
          noneChosenText="No member has access of their own (owners and admins reach every collection)."
          noOptionsText="No member can be given access yet (owners and admins reach every collection)."
        />
        <AccessEditor
          legend="Groups"
          options={directory.groups.map((group) => ({ id: group.id, label: group.name }))}
          value={groups}
          onChange={setGroups}
          noneChosenText="No group has access."
          noOptionsText="This organization has no groups yet."
        />
        <DialogFormActions onCancel={onClose} busy={save.busy} />
      </form>
    </Dialog>
  );
}
