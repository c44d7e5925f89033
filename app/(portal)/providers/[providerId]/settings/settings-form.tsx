"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { updateProviderSettingsAction } from "./actions";

export function ProviderSettingsForm({ providerId, name, billingEmail }: { providerId: string; name: string; billingEmail: string }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await updateProviderSettingsAction({
      providerId,
      name: String(form.get("name") ?? ""),
      billingEmail: String(form.get("billingEmail") ?? ""),
    });
    setBusy(false);
    setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
    setError(result.ok ? null : result.error);
    if (!result.ok) return;
    toast.show("Provider settings saved.");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField label="Provider name" name="name" required defaultValue={name} error={fieldErrors.name} />
      <TextField label="Billing email" name="billingEmail" type="email" required defaultValue={billingEmail} error={fieldErrors.billingEmail} />
      <div>
        <Button type="submit" loading={busy}>
          Save
        </Button>
      </div>
    </form>
  );
}
