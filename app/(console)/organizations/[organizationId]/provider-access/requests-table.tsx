"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useDecryptedNames } from "@/components/organization/use-decrypted-names";
import { ACCESS_LABELS, formatDuration, formatMoment } from "@/components/provider-access/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClasses } from "@/components/ui/button-classes";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/select-field";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { ProviderAccessRequestView } from "@/lib/dal/provider-access";
import { PROVIDER_ACCESS_DURATIONS } from "@/lib/validation/provider-access";
import { decideProviderAccessAction, endProviderAccessAction } from "./actions";

type Request = ProviderAccessRequestView;

function statusOf(request: Request): string {
  switch (request.state) {
    case "pending":
      return "Waiting for approval";
    case "active":
      return `${ACCESS_LABELS[request.grantedAccess!]} until ${formatMoment(request.expiresAt!)}`;
    case "on_hold":
      return `${ACCESS_LABELS[request.grantedAccess!]} until ${formatMoment(request.expiresAt!)}, on hold: ${request.providerName} no longer lets them reach this organization`;
    case "expired":
      return `Expired ${formatMoment(request.expiresAt!)}`;
    case "denied":
      return request.decidedBy ? `Denied by ${request.decidedBy}` : "Denied";
    case "ended":
      if (request.decidedAt === null) return "Withdrawn";
      return request.endedBy ? `Ended by ${request.endedBy}` : "Ended";
  }
}

/**
 * The requests, newest first: the organization's owners and admins answer or end them; a provider member sees their
 * own and may withdraw or end them.
 */
export function RequestsTable({
  organizationId,
  requests,
  asProvider,
}: {
  organizationId: string;
  requests: Request[];
  asProvider: boolean;
}) {
  const collectionNames = useDecryptedNames(
    organizationId,
    requests.flatMap((request) => (request.collection ? [request.collection] : [])),
  );
  const [approving, setApproving] = useState<Request | null>(null);
  const [denying, setDenying] = useState<Request | null>(null);
  const [ending, setEnding] = useState<Request | null>(null);
  const toast = useToast();
  const deny = useAction(decideProviderAccessAction, { success: () => "The request was denied." });
  const end = useAction(endProviderAccessAction, {
    success: () => (ending?.state === "pending" ? "Your request was withdrawn." : "The access ended."),
  });

  if (requests.length === 0)
    return (
      <EmptyState title="No requests yet.">
        {asProvider
          ? "Ask above when you need the client's items; they answer by mail or here."
          : "When a member of your provider asks to read your items, the request waits here for your answer."}
      </EmptyState>
    );

  return (
    <>
      <Table caption={asProvider ? "Your requests" : "Requests from your provider"}>
        <THead>
          <TH>{asProvider ? "Asked" : "Who"}</TH>
          <TH>Items</TH>
          <TH>Reason</TH>
          <TH>Asked for</TH>
          <TH>Status</TH>
          <TH align="right">
            <span className="sr-only">Actions</span>
          </TH>
        </THead>
        <TBody>
          {requests.map((request) => {
            const who = request.requester.email;
            return (
              <TR key={request.id}>
                <RowHeader>
                  {asProvider ? null : (
                    <span className="block font-medium">
                      {who} <span className="font-normal text-slate-600">· {request.providerName}</span>
                    </span>
                  )}
                  <span className="block text-xs text-slate-600">{formatMoment(request.createdAt)}</span>
                </RowHeader>
                <TD>{request.collection ? (collectionNames?.get(request.collection.id) ?? "…") : "All collections"}</TD>
                <TD className="max-w-xs break-words">{request.reason}</TD>
                <TD>
                  {ACCESS_LABELS[request.requestedAccess]}, {formatDuration(request.requestedMinutes)}
                </TD>
                <TD>{statusOf(request)}</TD>
                <TD align="right">
                  <div className="flex flex-wrap justify-end gap-2">
                    {request.state === "pending" && request.canDecide ? (
                      <>
                        <Button
                          variant="secondary"
                          onClick={() => setApproving(request)}
                          aria-label={`Approve request from ${who}`}
                        >
                          Approve
                        </Button>
                        <Button
                          variant="ghost"
                          onClick={() => setDenying(request)}
                          aria-label={`Deny request from ${who}`}
                        >
                          Deny
                        </Button>
                      </>
                    ) : null}
                    {asProvider && request.state === "active" ? (
                      <Link href="/vault" className={buttonClasses("secondary")}>
                        Open vault
                      </Link>
                    ) : null}
                    {request.state === "active" ||
                    request.state === "on_hold" ||
                    (asProvider && request.state === "pending") ? (
                      <Button
                        variant="ghost"
                        onClick={() => setEnding(request)}
                        aria-label={
                          request.state === "pending"
                            ? "Withdraw your request"
                            : asProvider
                              ? "End your access"
                              : `End access of ${who}`
                        }
                      >
                        {request.state === "pending" ? "Withdraw" : "End access"}
                      </Button>
                    ) : null}
                  </div>
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      {approving ? (
        <ApproveDialog organizationId={organizationId} request={approving} onClose={() => setApproving(null)} />
      ) : null}
      <ConfirmDialog
        open={denying !== null}
        title={`Deny the request from ${denying?.requester.email}?`}
        message="They are told by mail, and see nothing of your items."
        confirmLabel="Deny request"
        tone="danger"
        busy={deny.busy}
        onCancel={() => setDenying(null)}
        onConfirm={async () => {
          const result = await deny.run({ organizationId, requestId: denying!.id, decision: "deny" });
          setDenying(null);
          if (!result.ok) toast.show(result.error, "error");
        }}
      />
      <ConfirmDialog
        open={ending !== null}
        title={ending?.state === "pending" ? "Withdraw your request?" : "End this access now?"}
        message={
          ending?.state === "pending"
            ? "The client's owners and admins will no longer be asked."
            : "The items are no longer served from the next request on."
        }
        confirmLabel={ending?.state === "pending" ? "Withdraw request" : "End access"}
        tone="danger"
        busy={end.busy}
        onCancel={() => setEnding(null)}
        onConfirm={async () => {
          const result = await end.run({ organizationId, requestId: ending!.id });
          setEnding(null);
          if (!result.ok) toast.show(result.error, "error");
        }}
      />
    </>
  );
}

/** Approve as asked, or for less time, or view only where edit was asked. */
function ApproveDialog({
  organizationId,
  request,
  onClose,
}: {
  organizationId: string;
  request: Request;
  onClose: () => void;
}) {
  const approve = useAction(decideProviderAccessAction, {
    success: () => `${request.requester.email} has access until the time you chose.`,
  });
  const durations = PROVIDER_ACCESS_DURATIONS.filter((duration) => duration.minutes <= request.requestedMinutes);
  const offered = durations.some((duration) => duration.minutes === request.requestedMinutes)
    ? durations
    : [...durations, { minutes: request.requestedMinutes, label: formatDuration(request.requestedMinutes) }];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await approve.run({
      organizationId,
      requestId: request.id,
      decision: "approve",
      access: String(form.get("access")) as "view" | "edit",
      minutes: Number(form.get("minutes")),
    });
    if (result.ok) onClose();
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={approve.busy}
      title={`Approve access for ${request.requester.email}`}
      description={`They asked for ${ACCESS_LABELS[request.requestedAccess].toLowerCase()} access for ${formatDuration(request.requestedMinutes)}: "${request.reason}"`}
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {approve.error ? <Alert tone="error">{approve.error}</Alert> : null}
        <SelectField
          label="Access"
          name="access"
          defaultValue={request.requestedAccess}
          options={[
            { value: "view", label: "View only" },
            ...(request.requestedAccess === "edit" ? [{ value: "edit", label: "Can edit" }] : []),
          ]}
          error={approve.fieldErrors.access}
          data-autofocus
        />
        <SelectField
          label="For"
          name="minutes"
          defaultValue={String(request.requestedMinutes)}
          options={offered.map((duration) => ({ value: String(duration.minutes), label: duration.label }))}
          error={approve.fieldErrors.minutes}
        />
        <DialogFormActions onCancel={onClose} busy={approve.busy} submitLabel="Approve" />
      </form>
    </Dialog>
  );
}
