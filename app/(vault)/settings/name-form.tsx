"use client";

import { type FormEvent } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { updateNameSchema } from "@/lib/validation/account-security";
import { updateNameAction } from "./actions";

/** The name other members see next to your email. */
export function NameForm({ name }: { name: string }) {
  const { run, busy, error, fieldErrors } = useAction(updateNameAction, {
    schema: updateNameSchema,
    success: () => "Your name was saved.",
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run({ name: new FormData(event.currentTarget).get("name") });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {error && !fieldErrors.name ? <Alert tone="error">{error}</Alert> : null}
      <TextField label="Name" name="name" autoComplete="name" required defaultValue={name} error={fieldErrors.name} />
      <div>
        <Button type="submit" loading={busy}>
          Save name
        </Button>
      </div>
    </form>
  );
}
