"use client";

import type { FormEvent } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { updateProviderSettingsAction } from "./actions";

export function ProviderSettingsForm({
  providerId,
  name,
  billingEmail,
}: {
  providerId: string;
  name: string;
  billingEmail: string;
}) {
  const save = useAction(updateProviderSettingsAction, { success: () => "Provider settings saved." });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void save.run({
      providerId,
      name: String(form.get("name") ?? ""),
      billingEmail: String(form.get("billingEmail") ?? ""),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {save.error ? <Alert tone="error">{save.error}</Alert> : null}
      <TextField label="Provider name" name="name" required defaultValue={name} error={save.fieldErrors.name} />
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
