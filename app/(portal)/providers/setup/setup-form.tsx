"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { SymmetricKey, wrapSymmetricKeyForPublicKey } from "@/lib/crypto";
import { setUpProvider } from "./actions";

type Props = { token: string; initialName: string; initialBillingEmail: string };

export function ProviderSetupForm({ token, initialName, initialBillingEmail }: Props) {
  const router = useRouter();
  const toast = useToast();
  const { keys } = useKeyring();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      // The provider key is born here and leaves this browser only wrapped to the owner's own public key.
      const providerKey = SymmetricKey.generate();
      const { publicKey } = await keys.material();
      const result = await setUpProvider({
        token,
        name: String(form.get("name") ?? ""),
        billingEmail: String(form.get("billingEmail") ?? ""),
        key: await wrapSymmetricKeyForPublicKey(providerKey, publicKey),
      });
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        setError(result.error);
        return setBusy(false);
      }
      keys.refresh();
      toast.show("Your provider is set up.");
      router.replace(`/providers/${result.providerId}/clients`);
      router.refresh();
    } catch {
      setError("The provider could not be set up. Try again.");
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField label="Provider name" name="name" required defaultValue={initialName} error={fieldErrors.name} />
      <TextField label="Billing email" name="billingEmail" type="email" required defaultValue={initialBillingEmail} error={fieldErrors.billingEmail} />
      <Button type="submit" loading={busy}>
        Set up provider
      </Button>
    </form>
  );
}
