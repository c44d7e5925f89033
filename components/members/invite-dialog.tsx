"use client";

import { type FormEvent, useId } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import { MAX_INVITES_AT_ONCE } from "@/lib/validation/members";
import type { ActionOutcome, RoleOption, TenantRef } from "./types";

type Props = {
  open: boolean;
  onClose: () => void;
  tenant: TenantRef;
  roles: RoleOption[];
  invite: (input: { emails: string; type: string }) => Promise<ActionOutcome>;
  onInvited: (count: number) => void;
};

export function InviteDialog({ open, onClose, tenant, roles, invite, onInvited }: Props) {
  const emailsId = useId();
  const { run, busy, error, fieldErrors } = useAction(invite, { refresh: false });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const emails = String(form.get("emails") ?? "");
    if ((await run({ emails, type: String(form.get("type") ?? "") })).ok)
      onInvited(emails.split(/[\s,;]+/).filter(Boolean).length);
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      busy={busy}
      title="Invite members"
      description={`Each person gets a link by mail to join ${tenant.name}.`}
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col gap-1">
          <label htmlFor={emailsId} className="text-sm font-medium text-slate-800">
            Email addresses
          </label>
          <textarea
            id={emailsId}
            name="emails"
            rows={4}
            data-autofocus
            aria-describedby={`${emailsId}-hint${fieldErrors.emails ? ` ${emailsId}-error` : ""}`}
            aria-invalid={fieldErrors.emails ? true : undefined}
            className="rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
          />
          <p id={`${emailsId}-hint`} className="text-xs text-slate-600">
            Up to {MAX_INVITES_AT_ONCE}, separated by commas or new lines.
          </p>
          {fieldErrors.emails ? (
            <p id={`${emailsId}-error`} className="text-sm text-red-700">
              {fieldErrors.emails}
            </p>
          ) : null}
        </div>
        <SelectField
          label="Role"
          name="type"
          options={roles}
          defaultValue={roles[roles.length - 1]?.value}
          error={fieldErrors.type}
        />
        <DialogFormActions onCancel={onClose} busy={busy} submitLabel="Invite" />
      </form>
    </Dialog>
  );
}
