"use client";

import { useRouter } from "next/navigation";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SymmetricKey, wrapSymmetricKeyForPublicKey } from "@/lib/crypto";
import { createProviderKeyAction } from "./actions";

/**
 * The first visit of an approved request's admin: their browser makes the provider key, as setup by link does, and
 * the server receives it only wrapped to their own public key.
 */
export function ProviderKeyStep({ providerId, providerName }: { providerId: string; providerName: string }) {
  const router = useRouter();
  const { keys } = useKeyring();
  const create = useAction(createProviderKeyAction, {
    success: () => `${providerName} is ready. Add your first client.`,
    refresh: false,
  });

  async function onCreate() {
    const result = await create.run(async () => {
      const { publicKey } = await keys.material();
      return { providerId, key: await wrapSymmetricKeyForPublicKey(SymmetricKey.generate(), publicKey) };
    });
    if (!result.ok) return;
    keys.refresh();
    router.replace(`/providers/${providerId}/clients`);
    router.refresh();
  }

  return (
    <div className="mx-auto max-w-xl">
      <Card>
        <h1 className="mb-1 text-xl font-semibold">Finish setting up {providerName}</h1>
        <p className="mb-4 text-sm text-slate-600">
          An operator approved your provider. One step is left: your browser creates the provider&apos;s encryption key,
          which protects your clients&apos; keys. The server only receives it encrypted for you; you share it with the
          members you confirm later.
        </p>
        {create.error ? (
          <Alert tone="error" className="mb-4">
            {create.error}
          </Alert>
        ) : null}
        <Button onClick={onCreate} loading={create.busy}>
          Create the provider key
        </Button>
      </Card>
    </div>
  );
}
