"use client";

import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { formatMoment } from "@/components/provider-access/format";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { planLabel } from "@/lib/plans";
import { discardPendingClientAction } from "./actions";
import { NewClientDialog, type PendingClientView } from "./add-client-menu";

export type PendingClientRow = PendingClientView & { requestedAt: string; keyName: string | null };

/**
 * Clients a PSA asked for through the API. *Set up* opens the New client form filled with the request: this browser
 * makes the keys, as for any new client, and the owner is invited then.
 */
export function PendingClients({ providerId, pending }: { providerId: string; pending: PendingClientRow[] }) {
  const [settingUp, setSettingUp] = useState<PendingClientRow | null>(null);
  const [discarding, setDiscarding] = useState<PendingClientRow | null>(null);
  const discard = useAction(discardPendingClientAction, { success: (result) => `${result.name} was discarded.` });

  async function confirmDiscard() {
    if (!discarding) return;
    const result = await discard.run({ providerId, pendingClientId: discarding.id });
    if (result.ok) setDiscarding(null);
  }

  return (
    <section aria-labelledby="pending-clients" className="mb-6">
      <h2 id="pending-clients" className="mb-1 text-lg font-semibold">
        Asked for through the API
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        A new client&apos;s keys are made in your browser, so these wait for you to set them up.
      </p>
      <Table caption="Clients asked for through the API">
        <THead>
          <TH>Client</TH>
          <TH>Owner</TH>
          <TH>Plan and seats</TH>
          <TH>Asked</TH>
          <TH align="right">
            <span className="sr-only">Actions</span>
          </TH>
        </THead>
        <TBody>
          {pending.map((row) => (
            <TR key={row.id}>
              <RowHeader>{row.name}</RowHeader>
              <TD>{row.ownerEmail}</TD>
              <TD>
                {planLabel(row.planType)}, {row.seats} {row.seats === 1 ? "seat" : "seats"}
              </TD>
              <TD>
                {formatMoment(row.requestedAt)}
                {row.keyName ? <span className="block text-xs text-slate-600">by key {row.keyName}</span> : null}
              </TD>
              <TD align="right">
                <div className="flex justify-end gap-2">
                  <Button onClick={() => setSettingUp(row)}>
                    Set up<span className="sr-only"> {row.name}</span>
                  </Button>
                  <Button variant="secondary" onClick={() => setDiscarding(row)}>
                    Discard<span className="sr-only"> {row.name}</span>
                  </Button>
                </div>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {settingUp ? (
        <NewClientDialog
          open
          onClose={() => setSettingUp(null)}
          providerId={providerId}
          suggestedName=""
          pending={settingUp}
        />
      ) : null}
      <ConfirmDialog
        open={discarding !== null}
        title={`Discard ${discarding?.name}?`}
        message={
          <>
            {discard.error ? <span className="mb-2 block text-red-700">{discard.error}</span> : null}
            No client is created and nobody is invited. The tool that asked sees it gone.
          </>
        }
        confirmLabel="Discard"
        tone="danger"
        busy={discard.busy}
        onConfirm={() => void confirmDiscard()}
        onCancel={() => setDiscarding(null)}
      />
    </section>
  );
}
