"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress } from "@/components/ui/progress";
import { fetchKdfParameters, fetchKeyMaterial, unlockWithMasterPassword, deriveLoginSecrets } from "@/lib/keyring/account-flows";
import { storeUserKey } from "@/lib/keyring/storage";
import { emailSchema } from "@/lib/validation/common";

type Step = "idle" | "deriving" | "signing-in" | "unlocking";

const stepLabels: Record<Exclude<Step, "idle">, string> = {
  deriving: "Deriving your keys from the master password…",
  "signing-in": "Logging in…",
  unlocking: "Unlocking your vault…",
};

export function LoginForm({ returnTo, initialEmail }: { returnTo: string; initialEmail: string }) {
  const router = useRouter();
  const [step, setStep] = useState<Step>("idle");
  const [error, setError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = emailSchema.safeParse(form.get("email"));
    const password = String(form.get("masterPassword") ?? "");
    setError(null);
    setEmailError(email.success ? undefined : email.error.issues[0]?.message);
    if (!email.success) return;
    if (!password) return setError("Enter your master password.");
    try {
      setStep("deriving");
      const { kdfIterations } = await fetchKdfParameters(email.data);
      const { masterKey, masterPasswordHash } = await deriveLoginSecrets({ email: email.data, password, iterations: kdfIterations });
      masterKey.fill(0);
      setStep("signing-in");
      const result = await signIn("credentials", { email: email.data, masterPasswordHash, redirect: false });
      if (!result || result.error) {
        setStep("idle");
        return setError("Invalid email or master password.");
      }
      setStep("unlocking");
      const material = await fetchKeyMaterial();
      storeUserKey(material.userId, await unlockWithMasterPassword(material, password));
      router.replace(returnTo);
      router.refresh();
    } catch (failure) {
      setStep("idle");
      setError(failure instanceof Error ? failure.message : "Login failed. Try again.");
    }
  }

  const busy = step !== "idle";
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Log in</h1>
      <p className="mb-6 text-sm text-slate-600">Your master password never leaves this browser.</p>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <TextField label="Email address" name="email" type="email" autoComplete="username" required defaultValue={initialEmail} error={emailError} />
        <TextField label="Master password" name="masterPassword" type="password" autoComplete="current-password" required />
        {busy ? <IndeterminateProgress label={stepLabels[step]} /> : null}
        <Button type="submit" loading={busy}>
          Log in with master password
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600">
        New to Keyhouse?{" "}
        <Link href={`/register?callbackUrl=${encodeURIComponent(returnTo)}`} className="font-semibold text-brand-700 underline">
          Create account
        </Link>
      </p>
    </Card>
  );
}
