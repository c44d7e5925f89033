"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { providerRequestSchema, REQUESTABLE_PROVIDER_TYPES } from "@/lib/validation/provider-requests";
import { requestToBecomeProvider } from "./actions";

type Props = { organizations: { id: string; name: string }[]; billingEmail: string; disabled: boolean };

const TYPE_OPTIONS = Object.entries(REQUESTABLE_PROVIDER_TYPES).map(([value, label]) => ({ value, label }));

export function BecomeProviderForm({ organizations, billingEmail, disabled }: Props) {
  const router = useRouter();
  const send = useAction(requestToBecomeProvider, {
    schema: providerRequestSchema,
    success: () => "Request sent. An operator will review it.",
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await send.run(Object.fromEntries(form.entries()));
    if (result.ok) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {send.error ? <Alert tone="error">{send.error}</Alert> : null}
      <TextField
        label="Business name"
        name="businessName"
        required
        maxLength={50}
        error={send.fieldErrors.businessName}
      />
      <SelectField label="Type" name="type" options={TYPE_OPTIONS} defaultValue="msp" error={send.fieldErrors.type} />
      <TextField
        label="Billing email"
        name="billingEmail"
        type="email"
        required
        defaultValue={billingEmail}
        error={send.fieldErrors.billingEmail}
      />
      <SelectField
        label="Internal organization"
        name="internalOrganizationId"
        options={organizations.map((organization) => ({ value: organization.id, label: organization.name }))}
        error={send.fieldErrors.internalOrganizationId}
      />
      <TextField
        label="First client's name (optional)"
        name="firstClientName"
        maxLength={50}
        description="The client you have ready to onboard; the Provider Portal offers it as your first client."
        error={send.fieldErrors.firstClientName}
      />
      <Button type="submit" loading={send.busy} disabled={disabled}>
        Send request
      </Button>
    </form>
  );
}
