"use client";

import { Plus } from "lucide-react";
import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { createProviderSchema } from "@/lib/validation/provider";
import { createProvider } from "./actions";
import { readSeatMinimums, SeatMinimumFields } from "./seat-minimum-fields";
import { useActionDialog } from "@/components/forms/use-action-dialog";

/** "New provider": a pending provider whose owner is mailed a setup link. */
export function NewProviderDialog() {
  const { open, show, close, submit, busy, error, fieldErrors } = useActionDialog(createProvider, {
    schema: createProviderSchema,
    success: (created) => `Created ${created.name}. Its setup link was mailed to ${created.ownerEmail}.`,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await submit({
      name: form.get("name"),
      ownerEmail: form.get("ownerEmail"),
      ...readSeatMinimums(form),
    });
  }

  return (
    <>
      <Button onClick={show}>
        <Plus aria-hidden="true" className="size-4" />
        New provider
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title="New provider"
        description="The provider stays pending until its owner follows the setup link mailed to them (single use, valid 5 days)."
        busy={busy}
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <TextField
            label="Provider name"
            name="name"
            required
            maxLength={50}
            error={fieldErrors.name}
            data-autofocus
          />
          <TextField
            label="Owner email"
            name="ownerEmail"
            type="email"
            required
            autoComplete="off"
            error={fieldErrors.ownerEmail}
          />
          <SeatMinimumFields defaults={{ teamsMinimum: 0, enterpriseMinimum: 0 }} errors={fieldErrors} />
          <DialogFormActions onCancel={close} busy={busy} submitLabel="Create provider" />
        </form>
      </Dialog>
    </>
  );
}
