"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { seatsValue } from "@/lib/forms";
import { SeatsField } from "@/components/forms/seats-field";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Menu, type MenuItem } from "@/components/ui/menu";
import { useToast } from "@/components/ui/toast";
import type { ClientRow } from "@/lib/dal/clients";
import { openClientConsoleAction, unlinkClientAction, updateClientAction } from "./actions";

/** The client's name opens its Admin Console; the visit is logged first (Bitwarden's "accessed client vault"). */
export function ClientLink({
  providerId,
  organizationId,
  name,
}: {
  providerId: string;
  organizationId: string;
  name: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const href = `/organizations/${organizationId}`;
  return (
    <Link
      href={href}
      className="font-medium text-brand-700 underline"
      onClick={async (event) => {
        event.preventDefault();
        const result = await openClientConsoleAction({ providerId, organizationId });
        if (result.ok) router.push(result.href);
        else toast.show(result.error, "error");
      }}
    >
      {name}
    </Link>
  );
}

type RowProps = { providerId: string; client: ClientRow; canUnlink: boolean };

export function ClientRowActions({ providerId, client, canUnlink }: RowProps) {
  const [dialog, setDialog] = useState<"edit" | "unlink" | null>(null);
  const items: MenuItem[] = [{ label: "Edit name and seats", onSelect: () => setDialog("edit") }];
  if (canUnlink) items.push({ label: "Remove from provider", onSelect: () => setDialog("unlink"), tone: "danger" });
  return (
    <>
      <Menu label="Options" accessibleLabel={`Options for ${client.name}`} items={items} variant="ghost" />
      <EditClientDialog
        open={dialog === "edit"}
        onClose={() => setDialog(null)}
        providerId={providerId}
        client={client}
      />
      <UnlinkClientDialog
        open={dialog === "unlink"}
        onClose={() => setDialog(null)}
        providerId={providerId}
        client={client}
      />
    </>
  );
}

function EditClientDialog({
  open,
  onClose,
  providerId,
  client,
}: {
  open: boolean;
  onClose: () => void;
  providerId: string;
  client: ClientRow;
}) {
  const update = useAction(updateClientAction, { success: () => `${client.name} updated.` });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "");
    if ((await update.run({ providerId, organizationId: client.id, name, seats: seatsValue(form.get("seats")) })).ok)
      onClose();
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      busy={update.busy}
      title={`Edit ${client.name}`}
      description={`${client.used} of ${client.assigned} seats are in use.`}
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {update.error ? <Alert tone="error">{update.error}</Alert> : null}
        <TextField
          label="Organization name"
          name="name"
          defaultValue={client.name}
          error={update.fieldErrors.name}
          data-autofocus
        />
        <SeatsField
          label="Assigned seats"
          min={client.used}
          defaultValue={client.assigned}
          error={update.fieldErrors.seats}
        />
        <DialogFormActions onCancel={onClose} busy={update.busy} />
      </form>
    </Dialog>
  );
}

function UnlinkClientDialog({
  open,
  onClose,
  providerId,
  client,
}: {
  open: boolean;
  onClose: () => void;
  providerId: string;
  client: ClientRow;
}) {
  const toast = useToast();
  const unlink = useAction(unlinkClientAction, { success: () => `${client.name} is no longer a client.` });
  return (
    <ConfirmDialog
      open={open}
      title={`Remove ${client.name}?`}
      message="The organization keeps its members, collections and items, but this provider no longer manages it. Its billing moves to its first owner."
      confirmLabel="Remove client"
      tone="danger"
      busy={unlink.busy}
      onCancel={onClose}
      onConfirm={async () => {
        const result = await unlink.run({ providerId, organizationId: client.id });
        onClose();
        if (!result.ok) toast.show(result.error, "error");
      }}
    />
  );
}
