"use client";

import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import type { BillingBasis } from "@/lib/enums";
import { updateProviderPlansSchema } from "@/lib/validation/operator";
import { updateProviderPlans } from "./actions";
import { readSeatMinimums, SeatMinimumFields } from "./seat-minimum-fields";
import { useActionDialog } from "@/components/forms/use-action-dialog";

type Provider = {
  id: string;
  name: string;
  teamsMinimum: number;
  enterpriseMinimum: number;
  billingBasis: BillingBasis;
};

const BASIS_OPTIONS = [
  { value: "peak", label: "Peak: the most seats a client had on any day of the month" },
  { value: "average", label: "Average: a client's seats averaged over the month's days" },
];

/** "Edit seat minimums" of one provider: both plans at once, and how invoices count clients' seats. */
export function EditPlansDialog({ provider }: { provider: Provider }) {
  const { open, show, close, submit, busy, error, fieldErrors } = useActionDialog(updateProviderPlans, {
    schema: updateProviderPlansSchema,
    success: (updated) => `Saved the seat minimums of ${updated.name}.`,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await submit({ providerId: provider.id, ...readSeatMinimums(form), billingBasis: form.get("billingBasis") });
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
          <SelectField
            label="Invoices bill clients' seats by"
            name="billingBasis"
            defaultValue={provider.billingBasis}
            options={BASIS_OPTIONS}
            error={fieldErrors.billingBasis}
          />
          <DialogFormActions onCancel={close} busy={busy} />
        </form>
      </Dialog>
    </>
  );
}
