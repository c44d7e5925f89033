"use client";

import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { formatMoment } from "@/components/provider-access/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { createProviderWebhookSchema } from "@/lib/validation/provider-api-keys";
import { createProviderWebhookAction, deleteProviderWebhookAction } from "./actions";
import { ShownOnceDialog } from "./shown-once-dialog";

export type WebhookView = {
  id: string;
  url: string;
  createdAt: string;
  createdBy: string | null;
  delivered: number;
  pending: number;
  failed: number;
  lastStatus: number | null;
};

export type DeliveryView = {
  id: string;
  url: string;
  eventType: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastResponseStatus: number | null;
  lastError: string | null;
  createdAt: string;
};

const DELIVERY_STATUS = { pending: "Waiting", delivered: "Delivered", failed: "Failed" } as const;

/**
 * The provider's webhook endpoints (added with the signing secret shown once, listed with their deliveries, removed)
 * and the latest deliveries, to see what a receiving tool was told and answered.
 */
export function WebhooksManager({
  providerId,
  webhooks,
  deliveries,
}: {
  providerId: string;
  webhooks: WebhookView[];
  deliveries: DeliveryView[];
}) {
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<WebhookView | null>(null);
  const remove = useAction(deleteProviderWebhookAction, { success: () => "The endpoint was removed." });

  async function confirmRemove() {
    if (!removing) return;
    const result = await remove.run({ providerId, webhookId: removing.id });
    if (result.ok) setRemoving(null);
  }

  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">Webhooks</h2>
        <Button variant="secondary" onClick={() => setAdding(true)}>
          <Plus aria-hidden="true" className="size-4" />
          Add endpoint
        </Button>
      </div>
      {webhooks.length === 0 ? (
        <EmptyState title="No webhook endpoints yet.">
          An endpoint hears of clients created, seats changed and invoices closed, signed and retried.
        </EmptyState>
      ) : (
        <Table caption="Webhook endpoints">
          <THead>
            <TH>Address</TH>
            <TH>Added</TH>
            <TH>Deliveries</TH>
            <TH align="right">
              <span className="sr-only">Actions</span>
            </TH>
          </THead>
          <TBody>
            {webhooks.map((webhook) => (
              <TR key={webhook.id}>
                <RowHeader>
                  <span className="font-mono text-xs break-all">{webhook.url}</span>
                </RowHeader>
                <TD>
                  {formatMoment(webhook.createdAt)}
                  {webhook.createdBy ? (
                    <span className="block text-xs text-slate-600">by {webhook.createdBy}</span>
                  ) : null}
                </TD>
                <TD>
                  {webhook.delivered} delivered, {webhook.pending} waiting, {webhook.failed} failed
                  {webhook.lastStatus !== null ? (
                    <span className="block text-xs text-slate-600">Last answer: {webhook.lastStatus}</span>
                  ) : null}
                </TD>
                <TD align="right">
                  <Button variant="secondary" onClick={() => setRemoving(webhook)}>
                    Remove<span className="sr-only"> {webhook.url}</span>
                  </Button>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {deliveries.length > 0 ? (
        <Table caption="Latest webhook deliveries" showCaption className="mt-6">
          <THead>
            <TH>Event</TH>
            <TH>Endpoint</TH>
            <TH>Status</TH>
            <TH>Queued</TH>
          </THead>
          <TBody>
            {deliveries.map((delivery) => (
              <TR key={delivery.id}>
                <RowHeader>
                  <code>{delivery.eventType}</code>
                </RowHeader>
                <TD>
                  <span className="font-mono text-xs break-all">{delivery.url}</span>
                </TD>
                <TD>
                  {DELIVERY_STATUS[delivery.status]}
                  <span className="block text-xs text-slate-600">
                    {delivery.attempts === 1 ? "1 attempt" : `${delivery.attempts} attempts`}
                    {delivery.status !== "delivered" && delivery.lastError ? `: ${delivery.lastError}` : null}
                  </span>
                </TD>
                <TD>{formatMoment(delivery.createdAt)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      ) : null}
      {adding ? <AddEndpointDialog providerId={providerId} onClose={() => setAdding(false)} /> : null}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this endpoint?"
        message={
          <>
            {remove.error ? <span className="mb-2 block text-red-700">{remove.error}</span> : null}
            {removing?.url} hears of nothing more, and deliveries still waiting are dropped.
          </>
        }
        confirmLabel="Remove endpoint"
        tone="danger"
        busy={remove.busy}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}

/** Takes the address; once added, shows the signing secret (the only time) and how to check a signature. */
function AddEndpointDialog({ providerId, onClose }: { providerId: string; onClose: () => void }) {
  const [secret, setSecret] = useState<string | null>(null);
  const add = useAction(createProviderWebhookAction, {
    schema: createProviderWebhookSchema,
    success: () => "The endpoint was added.",
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await add.run({ providerId, url: new FormData(event.currentTarget).get("url") });
    if (result.ok) setSecret(result.secret);
  }

  if (secret)
    return (
      <ShownOnceDialog
        title="Your endpoint's signing secret"
        label="Signing secret"
        value={secret}
        warning="Copy the secret now and give it to the receiving tool: it is not shown again."
        onClose={onClose}
      >
        <p className="text-sm text-slate-700">
          Each delivery carries <code>Keyhouse-Signature: t=…,v1=…</code>: v1 is the hex HMAC-SHA256 of the timestamp, a
          dot and the body, under this secret. A failed delivery is tried again after 1, 5 and 30 minutes, then 2 and 12
          hours, with the same <code>Keyhouse-Delivery</code> id.
        </p>
      </ShownOnceDialog>
    );

  return (
    <Dialog open onClose={onClose} busy={add.busy} title="Add a webhook endpoint">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {add.error ? <Alert tone="error">{add.error}</Alert> : null}
        <TextField
          label="Endpoint address"
          name="url"
          type="url"
          required
          maxLength={2048}
          placeholder="https://psa.example.com/keyhouse"
          error={add.fieldErrors.url}
          data-autofocus
        />
        <DialogFormActions onCancel={onClose} busy={add.busy} submitLabel="Add endpoint" />
      </form>
    </Dialog>
  );
}
