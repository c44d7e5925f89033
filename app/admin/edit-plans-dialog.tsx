"use client";

import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { updateProviderPlansSchema } from "@/lib/validation/operator";
import { updateProviderPlans } from "./actions";
import { readSeatMinimums, SeatMinimumFields } from "./seat-minimum-fields";
import { useActionDialog } from "@/components/forms/use-action-dialog";

type Provider = { id: string; name: string; teamsMinimum: number; enterpriseMinimum: number };

/** "Edit seat minimums" of one provider: both plans at once. */
export function EditPlansDialog({ provider }: { provider: Provider }) {
  const { open, show, close, submit, busy, error, fieldErrors } = useActionDialog(updateProviderPlans, {
    schema: updateProviderPlansSchema,
    success: (updated) => `Saved the seat minimums of ${updated.name}.`,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit({ providerId: provider.id, ...readSeatMinimums(new FormData(event.currentTarget)) });
  }

  return (
    <>
      <Button variant="secondary" onClick={show}>
        Edit seat minimums<span className="sr-only"> of {provider.name}</span>
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={`Seat minimums of ${provider.name}`}
        description="The provider pays for at least this many seats per plan; seats its clients are assigned above the minimum are purchased seats."
        busy={busy}
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <SeatMinimumFields defaults={provider} errors={fieldErrors} />
          <DialogFormActions onCancel={close} busy={busy} />
        </form>
      </Dialog>
    </>
  );
}
