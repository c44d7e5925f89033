"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Menu, type MenuItem } from "@/components/ui/menu";
import { useToast } from "@/components/ui/toast";
import type { ClientRow } from "@/lib/dal/clients";
import { openClientConsoleAction, unlinkClientAction, updateClientAction } from "./actions";

/** The client's name opens its Admin Console; the visit is logged first (Bitwarden's "accessed client vault"). */
export function ClientLink({ providerId, organizationId, name }: { providerId: string; organizationId: string; name: string }) {
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
      <EditClientDialog open={dialog === "edit"} onClose={() => setDialog(null)} providerId={providerId} client={client} />
      <UnlinkClientDialog open={dialog === "unlink"} onClose={() => setDialog(null)} providerId={providerId} client={client} />
    </>
  );
}

function EditClientDialog({ open, onClose, providerId, client }: { open: boolean; onClose: () => void; providerId: string; client: ClientRow }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await updateClientAction({
      providerId,
      organizationId: client.id,
      name: String(form.get("name") ?? ""),
      seats: seatsValue(form.get("seats")),
    });
    setBusy(false);
    if (!result.ok) {
      setFieldErrors(result.fieldErrors ?? {});
      return setError(result.error);
    }
    toast.show(`${client.name} updated.`);
    onClose();
    router.refresh();
  }

  return (
    <Dialog open={open} onClose={onClose} busy={busy} title={`Edit ${client.name}`} description={`${client.used} of ${client.assigned} seats are in use.`}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <TextField label="Client name" name="name" defaultValue={client.name} error={fieldErrors.name} data-autofocus />
        <TextField label="Assigned seats" name="seats" type="number" min={client.used} step={1} defaultValue={client.assigned} error={fieldErrors.seats} />
        <DialogActions>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function UnlinkClientDialog({ open, onClose, providerId, client }: { open: boolean; onClose: () => void; providerId: string; client: ClientRow }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  return (
    <ConfirmDialog
      open={open}
      title={`Remove ${client.name}?`}
      message="The organization keeps its members, collections and items, but this provider no longer manages it. Its billing moves to its first owner."
      confirmLabel="Remove client"
      tone="danger"
      busy={busy}
      onCancel={onClose}
      onConfirm={async () => {
        setBusy(true);
        const result = await unlinkClientAction({ providerId, organizationId: client.id });
        setBusy(false);
        onClose();
        if (!result.ok) return toast.show(result.error, "error");
        toast.show(`${client.name} is no longer a client.`);
        router.refresh();
      }}
    />
  );
}

/** The seat count as typed: an empty or non-numeric field becomes NaN, which the server's schema refuses clearly. */
export function seatsValue(value: FormDataEntryValue | null): number {
  const text = String(value ?? "").trim();
  return text === "" ? Number.NaN : Number(text);
}
