"use client";

import type { FormEvent } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { organizationSettingsSchema } from "@/lib/validation/organization-settings";
import { updateOrganizationSettingsAction } from "./actions";

/** The organization's name and billing email, for those who may change them. */
export function OrganizationInfoForm({
  organizationId,
  name,
  billingEmail,
}: {
  organizationId: string;
  name: string;
  billingEmail: string;
}) {
  const save = useAction(updateOrganizationSettingsAction, {
    schema: organizationSettingsSchema,
    success: () => "Organization info saved.",
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void save.run({ organizationId, name: form.get("name"), billingEmail: form.get("billingEmail") });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {save.error ? <Alert tone="error">{save.error}</Alert> : null}
      <TextField
        label="Organization name"
        name="name"
        required
        maxLength={50}
        defaultValue={name}
        error={save.fieldErrors.name}
      />
      <TextField
        label="Billing email"
        name="billingEmail"
        type="email"
        required
        defaultValue={billingEmail}
        error={save.fieldErrors.billingEmail}
      />
      <div>
        <Button type="submit" loading={save.busy}>
          Save
        </Button>
      </div>
    </form>
  );
}
