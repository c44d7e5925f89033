"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { deleteOrganizationAction } from "./actions";

/**
 * The danger zone: deleting needs the organization's name typed exactly, which enables the button (and the server
 * checks it again). Afterwards the console no longer exists, so the browser goes to the vault.
 */
export function DeleteOrganization({ organizationId, name }: { organizationId: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const remove = useAction(deleteOrganizationAction, { success: () => `Deleted ${name}.`, refresh: false });

  function show() {
    remove.reset();
    setTyped("");
    setOpen(true);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((await remove.run({ organizationId, confirmName: typed })).ok) router.replace("/vault");
  }

  return (
    <Card className="border-red-200">
      <h2 className="mb-1 text-lg font-semibold text-red-800">Danger zone</h2>
      <p className="mb-4 text-sm text-slate-700">
        Deleting the organization removes its members, groups, collections and items for good. It cannot be undone.
      </p>
      <Button variant="danger" onClick={show}>
        Delete organization
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        busy={remove.busy}
        title="Delete organization"
        description={
          <p>
            This permanently deletes <strong>{name}</strong> with all its members, groups, collections and items. Its
            members keep their own vaults.
          </p>
        }
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {remove.error ? <Alert tone="error">{remove.error}</Alert> : null}
          <TextField
            label={`Type “${name}” to confirm`}
            name="confirmName"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={remove.fieldErrors.confirmName}
            data-autofocus
          />
          <DialogActions>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={remove.busy}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={remove.busy} disabled={typed !== name}>
              Delete organization
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </Card>
  );
}
