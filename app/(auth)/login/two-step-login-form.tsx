"use client";

import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress } from "@/components/ui/progress";

export type SecondFactorKind = "authenticator" | "recovery";

type Props = {
  error: string | null;
  busy: boolean;
  progress: string | null;
  onSubmit: (code: string, kind: SecondFactorKind) => void;
  onCancel: () => void;
};

/** The second step of a login with two-step login on: a code from the authenticator app, or the recovery code. */
export function TwoStepLoginForm({ error, busy, progress, onSubmit, onCancel }: Props) {
  const [kind, setKind] = useState<SecondFactorKind>("authenticator");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const recovery = kind === "recovery";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!code)
      return setFieldError(
        recovery ? "Enter your recovery code." : "Enter the 6-digit code from your authenticator app.",
      );
    setFieldError(undefined);
    onSubmit(code, kind);
  }

  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Two-step login</h1>
      <p className="mb-6 text-sm text-slate-600">
        {recovery
          ? "Enter your recovery code. It logs you in once and turns two-step login off; you can turn it on again afterwards."
          : "Enter the 6-digit code from your authenticator app."}
      </p>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <TextField
          key={kind}
          label={recovery ? "Recovery code" : "Verification code"}
          name="code"
          inputMode={recovery ? "text" : "numeric"}
          autoComplete={recovery ? "off" : "one-time-code"}
          spellCheck={false}
          required
          autoFocus
          error={fieldError}
        />
        {progress ? <IndeterminateProgress label={progress} /> : null}
        <Button type="submit" loading={busy}>
          Continue
        </Button>
      </form>
      <div className="mt-6 flex flex-wrap justify-between gap-2 text-sm">
        <button
          type="button"
          className="font-semibold text-brand-700 underline"
          onClick={() => setKind(recovery ? "authenticator" : "recovery")}
          disabled={busy}
        >
          {recovery ? "Use a code from your authenticator app" : "Use your recovery code instead"}
        </button>
        <button type="button" className="text-slate-600 underline" onClick={onCancel} disabled={busy}>
          Log in as someone else
        </button>
      </div>
    </Card>
  );
}
