"use client";

import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { formatMoment } from "@/components/provider-access/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog, Dialog, DialogActions } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { CopyButton } from "@/components/vault-tools/copy-button";
import {
  decryptBytes,
  encryptBytes,
  formatMoveCode,
  moveTransferKey,
  moveVerifier,
  newMoveSecret,
  unwrapSymmetricKey,
  wrapSymmetricKey,
} from "@/lib/crypto";
import type { ProviderMoveView } from "@/lib/dal/client-moves";
import { cancelMoveAsProviderAction, completeMoveAction, issueMoveCodeAction } from "./move-actions";

type Move = ProviderMoveView;

const UNREADABLE =
  "This move's key could not be read: the code may have been typed with a mistake. Cancel the move and issue a new code.";

function statusOf(move: Move): string {
  switch (move.status) {
    case "issued":
      return move.expired
        ? "Expired unused"
        : `Waiting for an owner to enter it, until ${formatMoment(move.expiresAt)}`;
    case "claimed":
      return `${move.organizationName} entered it${move.fromProviderName ? `, leaving ${move.fromProviderName}` : ""}`;
    case "completed":
      return `${move.organizationName} moved here`;
    case "cancelled":
      return "Cancelled";
  }
}

/**
 * Organizations moving here from another provider, or from none (issue 15). An admin issues a move code (its secret
 * made here and kept under the provider key), gives it to the organization's owner, and completes the move once the
 * owner entered it: this browser reads the organization key the owner's browser left under the code and wraps it
 * with the provider key.
 */
export function ClientMoves({ providerId, moves }: { providerId: string; moves: Move[] }) {
  const { keys } = useKeyring();
  const toast = useToast();
  const [shownCode, setShownCode] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<Move | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const issue = useAction(issueMoveCodeAction);
  const complete = useAction(completeMoveAction, {
    success: () => "The organization is now your client.",
  });
  const cancel = useAction(cancelMoveAsProviderAction, { success: () => "The move was cancelled." });

  async function secretOf(move: Move) {
    if (!move.secret) throw new Error("a finished move keeps no secret");
    return decryptBytes(move.secret, await keys.providerKey(providerId));
  }

  async function issueCode() {
    setWorking("issue");
    try {
      const secret = newMoveSecret();
      const result = await issue.run({
        providerId,
        secret: await encryptBytes(secret, await keys.providerKey(providerId)),
        verifier: await moveVerifier(secret),
      });
      if (result.ok) setShownCode(formatMoveCode(result.moveId, secret));
      else toast.show(result.error, "error");
    } catch {
      toast.show("The move code could not be made here: unlock the vault and try again.", "error");
    } finally {
      setWorking(null);
    }
  }

  async function showCode(move: Move) {
    try {
      setShownCode(formatMoveCode(move.id, await secretOf(move)));
    } catch {
      toast.show("This code could not be read with your provider key.", "error");
    }
  }

  async function completeMove(move: Move) {
    setWorking(move.id);
    try {
      let key;
      try {
        const organizationKey = await unwrapSymmetricKey(
          move.transferKey!,
          await moveTransferKey(await secretOf(move)),
        );
        key = await wrapSymmetricKey(organizationKey, await keys.providerKey(providerId));
      } catch {
        toast.show(UNREADABLE, "error");
        return;
      }
      const result = await complete.run({ providerId, moveId: move.id, key });
      if (!result.ok) toast.show(result.error, "error");
    } finally {
      setWorking(null);
    }
  }

  return (
    <Card className="mt-8">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Organizations moving here</h2>
          <p className="mt-1 text-sm text-slate-600">
            An organization&apos;s owner moves it to you with a move code: issue one, give it to them, and complete the
            move once they entered it. Its members, collections and items stay as they are.
          </p>
        </div>
        <Button variant="secondary" loading={working === "issue"} onClick={issueCode}>
          Issue a move code
        </Button>
      </div>
      {moves.length === 0 ? (
        <p className="text-sm text-slate-600">No move codes yet.</p>
      ) : (
        <Table caption="Move codes">
          <THead>
            <TH>Issued</TH>
            <TH>Status</TH>
            <TH align="right">
              <span className="sr-only">Actions</span>
            </TH>
          </THead>
          <TBody>
            {moves.map((move) => (
              <TR key={move.id}>
                <RowHeader>{formatMoment(move.createdAt)}</RowHeader>
                <TD>
                  {statusOf(move)}
                  {move.status === "claimed" && !move.completable ? (
                    <span className="block text-xs text-slate-600">
                      Can complete from {formatMoment(move.completableAt!)}
                    </span>
                  ) : null}
                </TD>
                <TD align="right">
                  <div className="flex flex-wrap justify-end gap-2">
                    {move.status === "issued" && !move.expired ? (
                      <Button
                        variant="secondary"
                        onClick={() => showCode(move)}
                        aria-label={`Show code issued ${formatMoment(move.createdAt)}`}
                      >
                        Show code
                      </Button>
                    ) : null}
                    {move.completable ? (
                      <Button
                        loading={working === move.id}
                        onClick={() => completeMove(move)}
                        aria-label={`Complete move: ${move.organizationName}`}
                      >
                        Complete move
                      </Button>
                    ) : null}
                    {(move.status === "issued" && !move.expired) || move.status === "claimed" ? (
                      <Button
                        variant="ghost"
                        onClick={() => setCancelling(move)}
                        aria-label={
                          move.status === "claimed"
                            ? `Cancel move: ${move.organizationName}`
                            : `Cancel code issued ${formatMoment(move.createdAt)}`
                        }
                      >
                        Cancel
                      </Button>
                    ) : null}
                  </div>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Dialog
        open={shownCode !== null}
        onClose={() => setShownCode(null)}
        title="Move code"
        description="Give it to the organization's owner, who enters it in their Admin Console under Settings → Provider. It works once, for 7 days; keep it as you would a password."
      >
        <TextAreaField
          label="Code"
          readOnly
          rows={3}
          value={shownCode ?? ""}
          className="font-mono"
          spellCheck={false}
          autoComplete="off"
        />
        <DialogActions>
          <CopyButton value={shownCode ?? ""} label="Move code" />
          <Button onClick={() => setShownCode(null)}>Done</Button>
        </DialogActions>
      </Dialog>
      <ConfirmDialog
        open={cancelling !== null}
        title="Cancel this move?"
        message={
          cancelling?.status === "claimed"
            ? `${cancelling.organizationName} stays with its provider; its owner needs a new code to move here.`
            : "The code stops working."
        }
        confirmLabel="Cancel move"
        tone="danger"
        busy={cancel.busy}
        onCancel={() => setCancelling(null)}
        onConfirm={async () => {
          const result = await cancel.run({ providerId, moveId: cancelling!.id });
          setCancelling(null);
          if (!result.ok) toast.show(result.error, "error");
        }}
      />
    </Card>
  );
}
