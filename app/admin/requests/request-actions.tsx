"use client";

import type { FormEvent } from "react";
import { useActionDialog } from "@/components/forms/use-action-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { providerRequestIdSchema, rejectProviderRequestSchema } from "@/lib/validation/provider-requests";
import { approveProviderRequestAction, rejectProviderRequestAction } from "../actions";

type Request = { id: string; businessName: string; requesterEmail: string; organizationName: string };

const REASON_MAX_LENGTH = 500;

/** The buttons at the end of a request's row: approve after a confirmation, or reject with a reason. */
export function RequestActions({ request }: { request: Request }) {
  return (
    <div className="flex justify-end gap-2 whitespace-nowrap">
      <ApproveRequest request={request} />
      <RejectRequest request={request} />
    </div>
  );
}

function ApproveRequest({ request }: { request: Request }) {
  const { open, show, close, submit, busy, error } = useActionDialog(approveProviderRequestAction, {
    schema: providerRequestIdSchema,
    success: (approved) => `Approved ${approved.businessName}.`,
  });

  async function confirm() {
    await submit({ requestId: request.id });
  }

  return (
    <>
      <Button onClick={show}>
        Approve
        <span className="sr-only"> {request.businessName}</span>
      </Button>
      <ConfirmDialog
        open={open}
        title={`Approve ${request.businessName}?`}
        message={
          <>
            <p>
              This creates the provider {request.businessName}. {request.organizationName} becomes its internal
              organization, and {request.requesterEmail} becomes its first provider admin; they are mailed a link to
              finish setting it up.
            </p>
            {error ? (
              <Alert tone="error" className="mt-3">
                {error}
              </Alert>
            ) : null}
          </>
        }
        confirmLabel="Approve"
        busy={busy}
        onConfirm={confirm}
        onCancel={close}
      />
    </>
  );
}

function RejectRequest({ request }: { request: Request }) {
  const { open, show, close, submit, busy, error, fieldErrors } = useActionDialog(rejectProviderRequestAction, {
    schema: rejectProviderRequestSchema,
    success: (rejected) => `Rejected ${rejected.businessName}.`,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await submit({ requestId: request.id, reason: form.get("reason") });
  }

  return (
    <>
      <Button variant="secondary" onClick={show}>
        Reject
        <span className="sr-only"> {request.businessName}</span>
      </Button>
      <Dialog
        open={open}
        onClose={close}
        title={`Reject ${request.businessName}?`}
        description={`The request is closed and ${request.requesterEmail} is mailed your reason. They can send a new request.`}
        busy={busy}
      >
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <TextAreaField
            label="Reason"
            name="reason"
            required
            maxLength={REASON_MAX_LENGTH}
            description={`Shown to the requester in the mail, up to ${REASON_MAX_LENGTH} characters.`}
            error={fieldErrors.reason}
            data-autofocus
          />
          <DialogFormActions onCancel={close} busy={busy} submitLabel="Reject request" />
        </form>
      </Dialog>
    </>
  );
}
