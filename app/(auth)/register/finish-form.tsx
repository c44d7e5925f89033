"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { NewMasterPasswordFields } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress } from "@/components/ui/progress";
import { useToast } from "@/components/ui/toast";
import type { InvitationMasterPasswordPolicy } from "@/lib/dal/policies";
import { createAccountKeys } from "@/lib/browser/keyring/account-flows";
import { kdfConfigOf } from "@/lib/crypto";
import { storeUserKey } from "@/lib/browser/keyring/storage";
import { checkMasterPassword, describeMasterPasswordRequirements } from "@/lib/policies/master-password";
import { finishRegistrationFormSchema, type RegistrationProof } from "@/lib/validation/account";
import { register } from "./actions";

type Step = "idle" | "deriving" | "saving";

type Props = {
  /** The address the link proved: the keys are derived with it, and the server takes it from the link. */
  email: string;
  proof: RegistrationProof;
  initialName?: string;
  returnTo: string;
  /** Registering from an invitation to an organization whose master password requirements are on. */
  masterPasswordPolicy: InvitationMasterPasswordPolicy | null;
};

/** Step two: the master password. Keys are derived here; only the hash and wrapped keys reach the server. */
export function FinishRegistrationForm({ email, proof, initialName = "", returnTo, masterPasswordPolicy }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [step, setStep] = useState<Step>("idle");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = finishRegistrationFormSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!form.success) {
      setFieldErrors(Object.fromEntries(form.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
      return;
    }
    const { name, masterPassword } = form.data;
    // Before deriving keys: only this browser can check the password against the organization's policy.
    const unmet = masterPasswordPolicy
      ? await checkMasterPassword(masterPassword, masterPasswordPolicy.requirements, [email, name])
      : [];
    if (unmet.length > 0) {
      setFieldErrors({
        masterPassword: `This master password does not meet the requirements of ${masterPasswordPolicy!.organizationName}. ${unmet.join(" ")}`,
      });
      return;
    }
    setFieldErrors({});
    try {
      setStep("deriving");
      const keys = await createAccountKeys({ email, password: masterPassword });
      setStep("saving");
      const result = await register({
        ...proof,
        name,
        ...kdfConfigOf(keys),
        masterPasswordHash: keys.masterPasswordHash,
        key: keys.key,
        publicKey: keys.publicKey,
        privateKey: keys.privateKey,
      });
      if (!result.ok) {
        setStep("idle");
        setFieldErrors(result.fieldErrors ?? {});
        return setError(result.error);
      }
      const signedIn = await signIn("credentials", {
        email,
        masterPasswordHash: keys.masterPasswordHash,
        redirect: false,
      });
      if (!signedIn || signedIn.error) {
        toast.show("Your account was created. Log in to continue.", "info");
        return router.replace(`/login?email=${encodeURIComponent(email)}&callbackUrl=${encodeURIComponent(returnTo)}`);
      }
      storeUserKey(result.userId, keys.userKey);
      toast.show("Your account was created.");
      router.replace(returnTo);
      router.refresh();
    } catch {
      setStep("idle");
      setError("Your account could not be created. Try again.");
    }
  }

  const busy = step !== "idle";
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Create account</h1>
      <p className="mb-6 text-sm text-slate-600">
        Your master password encrypts your vault in this browser. Keyhouse never sees it and cannot recover it.
      </p>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <TextField
          label="Email address"
          name="email"
          type="email"
          autoComplete="username"
          readOnly
          value={email}
          description="Proved by the link you followed."
        />
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          required
          defaultValue={initialName}
          error={fieldErrors.name}
        />
        <NewMasterPasswordFields
          fieldErrors={fieldErrors}
          requirements={
            masterPasswordPolicy
              ? `${masterPasswordPolicy.organizationName} requires a master password with ${describeMasterPasswordRequirements(masterPasswordPolicy.requirements)}.`
              : null
          }
        />
        {step === "deriving" ? <IndeterminateProgress label="Creating your encryption keys…" /> : null}
        {step === "saving" ? <IndeterminateProgress label="Creating your account…" /> : null}
        <Button type="submit" loading={busy}>
          Create account
        </Button>
      </form>
    </Card>
  );
}
