"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { EMAIL_LINK_LIFETIME_HOURS, startRegistrationSchema } from "@/lib/validation/account";
import { startRegistration } from "./actions";

/**
 * Step one of registration, as in Bitwarden: an address and a name. The answer is "check your inbox" whether or not
 * the address has an account; the mail says which.
 */
export function StartRegistrationForm({ initialEmail, returnTo }: { initialEmail: string; returnTo: string }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { run, busy, error, fieldErrors } = useAction(startRegistration, {
    schema: startRegistrationSchema,
    refresh: false,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    const result = await run(form);
    if (result.ok) setSentTo(startRegistrationSchema.shape.email.parse(form.email));
  }

  if (sentTo) {
    return (
      <Card>
        <h1 className="mb-3 text-xl font-semibold">Check your inbox</h1>
        <p className="text-sm text-slate-700">
          We sent a mail to <strong>{sentTo}</strong>. Follow the link in it to finish creating your account. The link
          can be used once and expires in {EMAIL_LINK_LIFETIME_HOURS} hours.
        </p>
        <p className="mt-4 text-sm text-slate-600">
          No mail? Check your spam folder, or{" "}
          <button type="button" className="font-semibold text-brand-700 underline" onClick={() => setSentTo(null)}>
            try again
          </button>
          .
        </p>
      </Card>
    );
  }

  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Create account</h1>
      <p className="mb-6 text-sm text-slate-600">
        We will mail you a link to confirm your address and choose your master password.
      </p>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {error && Object.keys(fieldErrors).length === 0 ? <Alert tone="error">{error}</Alert> : null}
        <TextField
          label="Email address"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={initialEmail}
          error={fieldErrors.email}
        />
        <TextField label="Name" name="name" autoComplete="name" required error={fieldErrors.name} />
        <Button type="submit" loading={busy}>
          Continue
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(returnTo)}`}
          className="font-semibold text-brand-700 underline"
        >
          Log in
        </Link>
      </p>
    </Card>
  );
}
