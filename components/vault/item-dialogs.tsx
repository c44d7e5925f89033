"use client";

import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import type { VaultItem } from "@/lib/dal/items";
import { encryptCipher } from "@/lib/vault/cipher-crypto";
import type { CipherView } from "@/lib/vault/cipher-model";
import { CollectionChoice, editableCollections } from "./collection-choice";
import type { VaultContext } from "./vault-context";

/** Moves a personal item into an organization: re-encrypted here with the organization key, into collections. */
export function MoveToOrganizationDialog({
  item,
  view,
  context,
  onClose,
}: {
  item: VaultItem;
  view: CipherView;
  context: VaultContext;
  onClose: () => void;
}) {
  const { keys, userKey } = useKeyring();
  const [organizationId, setOrganizationId] = useState(context.organizations[0]?.id ?? "");
  const [chosen, setChosen] = useState<string[]>([]);
  const move = useAction(context.actions.moveItemToOrganization, {
    success: () => `${view.name} moved to the organization.`,
  });
  const editable = editableCollections(context.collections, organizationId);

  async function submit() {
    const result = await move.run(async () => ({
      cipherId: item.id,
      organizationId,
      collectionIds: chosen,
      // A personal item's own key (an official app's) moves with it, wrapped under the organization key.
      cipher: await encryptCipher(
        view,
        await keys.organizationKey(organizationId),
        item.key ? { itemKey: item.key, wrappedWith: userKey } : undefined,
      ),
    }));
    if (result.ok) onClose();
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={move.busy}
      title={`Move ${view.name} to an organization`}
      description="The organization's members who reach the chosen collections will see it."
    >
      {move.error ? <Alert tone="error">{move.error}</Alert> : null}
      <SelectField
        label="Organization"
        value={organizationId}
        onChange={(event) => {
          setOrganizationId(event.target.value);
          setChosen([]);
        }}
        options={context.organizations.map((organization) => ({ value: organization.id, label: organization.name }))}
      />
      <CollectionChoice collections={editable} chosen={chosen} onChange={setChosen} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={move.busy}>
          Cancel
        </Button>
        <Button onClick={submit} loading={move.busy} disabled={chosen.length === 0}>
          Move
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Puts an organization item in exactly the chosen collections (those the person may add to). */
export function CollectionsDialog({
  item,
  name,
  context,
  onClose,
}: {
  item: VaultItem;
  name: string;
  context: VaultContext;
  onClose: () => void;
}) {
  const editable = editableCollections(context.collections, item.organizationId);
  const [chosen, setChosen] = useState<string[]>(
    item.collectionIds.filter((id) => editable.some((collection) => collection.id === id)),
  );
  const assign = useAction(context.actions.assignCollections, { success: () => "Collections saved." });
  return (
    <Dialog open onClose={onClose} busy={assign.busy} title={`Collections of ${name}`}>
      {assign.error ? <Alert tone="error">{assign.error}</Alert> : null}
      <CollectionChoice collections={editable} chosen={chosen} onChange={setChosen} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={assign.busy}>
          Cancel
        </Button>
        <Button
          onClick={async () => (await assign.run({ cipherId: item.id, collectionIds: chosen })).ok && onClose()}
          loading={assign.busy}
          disabled={chosen.length === 0}
        >
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
