"use client";

import { type FormEvent, useMemo } from "react";
import { z } from "zod";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/authz/action";
import { type NameAndBillingEmail, nameAndBillingEmailFields } from "@/lib/validation/tenant-settings";

/** Names are at most 50 characters (nameSchema), for organizations and providers alike. */
const NAME_MAX_LENGTH = 50;

/** The name and billing email inputs, for the forms that set them (settings, provider setup). */
export function NameAndBillingEmailFields({
  nameLabel,
  initial,
  fieldErrors,
}: {
  nameLabel: string;
  initial: NameAndBillingEmail;
  fieldErrors: Record<string, string>;
}) {
  return (
    <>
      <TextField
        label={nameLabel}
        name="name"
        required
        maxLength={NAME_MAX_LENGTH}
        defaultValue={initial.name}
        error={fieldErrors.name}
      />
      <TextField
        label="Billing email"
        name="billingEmail"
        type="email"
        required
        defaultValue={initial.billingEmail}
        error={fieldErrors.billingEmail}
      />
    </>
  );
}

type Props<T extends object> = {
  /** The settings action; it gets `tenant` (the id field) with the name and billing email. */
  action: (input: T & NameAndBillingEmail) => Promise<ActionResult>;
  tenant: T;
  nameLabel: string;
  /** What the error sentences call the name ("Enter a name."), when not the label. */
  nameInMessages?: string;
  initial: NameAndBillingEmail;
  /** The toast after saving. */
  saved: string;
};

/** An organization's or a provider's name and billing email, for those who may change them. */
export function NameAndBillingEmailForm<T extends object>({
  action,
  tenant,
  nameLabel,
  nameInMessages = nameLabel,
  initial,
  saved,
}: Props<T>) {
  // The action's own fields, checked in the browser first; the tenant's id is left to the server.
  const schema = useMemo(() => z.looseObject(nameAndBillingEmailFields(nameInMessages)), [nameInMessages]);
  const save = useAction(action, { schema, success: () => saved });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void save.run({ ...tenant, name: form.get("name"), billingEmail: form.get("billingEmail") });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {save.error ? <Alert tone="error">{save.error}</Alert> : null}
      <NameAndBillingEmailFields nameLabel={nameLabel} initial={initial} fieldErrors={save.fieldErrors} />
      <div>
        <Button type="submit" loading={save.busy}>
          Save
        </Button>
      </div>
    </form>
  );
}
