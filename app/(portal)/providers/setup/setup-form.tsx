"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { NameAndBillingEmailFields } from "@/components/forms/name-and-billing-email-form";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SymmetricKey, wrapSymmetricKeyForPublicKey } from "@/lib/crypto";
import { setUpProvider } from "./actions";

type Props = { token: string; initialName: string; initialBillingEmail: string };

export function ProviderSetupForm({ token, initialName, initialBillingEmail }: Props) {
  const router = useRouter();
  const { keys } = useKeyring();
  const setUp = useAction(setUpProvider, { success: () => "Your provider is set up.", refresh: false });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await setUp.run(async () => {
      // The provider key is born here and leaves this browser only wrapped to the owner's own public key.
      const { publicKey } = await keys.material();
      return {
        token,
        name: String(form.get("name") ?? ""),
        billingEmail: String(form.get("billingEmail") ?? ""),
        key: await wrapSymmetricKeyForPublicKey(SymmetricKey.generate(), publicKey),
      };
    });
    if (!result.ok) return;
    keys.refresh();
    router.replace(`/providers/${result.providerId}/clients`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {setUp.error ? <Alert tone="error">{setUp.error}</Alert> : null}
      <NameAndBillingEmailFields
        nameLabel="Provider name"
        initial={{ name: initialName, billingEmail: initialBillingEmail }}
        fieldErrors={setUp.fieldErrors}
      />
      <Button type="submit" loading={setUp.busy}>
        Set up provider
      </Button>
    </form>
  );
}
