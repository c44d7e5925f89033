"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { verifyEmailAction } from "./actions";

export function VerifyEmailButton({ token, email }: { token: string; email: string }) {
  const [verified, setVerified] = useState(false);
  const { run, busy, error } = useAction(verifyEmailAction, { refresh: false });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await run({ token });
    if (result.ok) setVerified(true);
  }

  if (verified) {
    return (
      <>
        <Alert tone="success">Your email address {email} is verified.</Alert>
        <Link href="/vault" className="mt-4 inline-block text-sm font-semibold text-brand-700 underline">
          Go to your vault
        </Link>
      </>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <p className="text-sm text-slate-700">
        Confirm that <strong>{email}</strong> is the address of your Keyhouse account.
      </p>
      <Button type="submit" loading={busy}>
        Verify email address
      </Button>
    </form>
  );
}
