"use client";

import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { formatMoment } from "@/components/provider-access/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { moveTransferKey, moveVerifier, parseMoveCode, wrapSymmetricKey } from "@/lib/crypto";
import type { OrganizationMoveView } from "@/lib/dal/client-moves";
import { cancelMoveAsOwnerAction, claimMoveAction } from "./actions";

const NOT_A_CODE = "That is not a move code: it starts with KHMOVE- and comes from the new provider.";

/**
 * The owner enters the new provider's move code. This browser wraps the organization key with a key derived from
 * the code's secret, so only the provider that issued the code can read it; the server gets the wrapped key and a
 * check value, never the secret.
 */
export function MoveForm({
  organizationId,
  organizationName,
  move,
}: {
  organizationId: string;
  organizationName: string;
  move: OrganizationMoveView | null;
}) {
  const { keys } = useKeyring();
  const toast = useToast();
  const [codeError, setCodeError] = useState<string | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const claim = useAction(claimMoveAction, {
    success: (result) => `The move to ${result.toProviderName} is under way: ${result.toProviderName} completes it.`,
  });
  const cancel = useAction(cancelMoveAsOwnerAction, { success: () => "The move was cancelled." });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCodeError(null);
    const parsed = parseMoveCode(String(new FormData(event.currentTarget).get("code") ?? ""));
    if (!parsed) return setCodeError(NOT_A_CODE);
    setPreparing(true);
    try {
      const organizationKey = await keys.organizationKey(organizationId);
      const transferKey = await wrapSymmetricKey(organizationKey, await moveTransferKey(parsed.secret));
      await claim.run({
        organizationId,
        moveId: parsed.moveId,
        verifier: await moveVerifier(parsed.secret),
        transferKey,
      });
    } catch {
      toast.show("This browser could not read the organization's key: unlock the vault and try again.", "error");
    } finally {
      setPreparing(false);
    }
  }

  if (move)
    return (
      <Card>
        <Alert tone="info" title={`Moving to ${move.toProviderName}`}>
          You entered {move.toProviderName}&apos;s move code on {formatMoment(move.claimedAt)}. {move.toProviderName}{" "}
          completes the move
          {Date.parse(move.completableAt) > Date.parse(move.claimedAt)
            ? ` from ${formatMoment(move.completableAt)}`
            : ""}
          ; until then nothing changes.
        </Alert>
        <Button variant="secondary" className="mt-4" onClick={() => setConfirmCancel(true)}>
          Cancel the move
        </Button>
        <ConfirmDialog
          open={confirmCancel}
          title={`Cancel the move to ${move.toProviderName}?`}
          message={`${organizationName} stays as it is; moving later needs a new code.`}
          confirmLabel="Cancel the move"
          tone="danger"
          busy={cancel.busy}
          onCancel={() => setConfirmCancel(false)}
          onConfirm={async () => {
            const result = await cancel.run({ organizationId, moveId: move.id });
            setConfirmCancel(false);
            if (!result.ok) toast.show(result.error, "error");
          }}
        />
      </Card>
    );

  return (
    <Card>
      <h2 className="mb-4 text-lg font-semibold">Move to a provider</h2>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {claim.error && !claim.fieldErrors.code ? <Alert tone="error">{claim.error}</Alert> : null}
        <TextAreaField
          label="Move code"
          name="code"
          required
          rows={3}
          className="font-mono"
          spellCheck={false}
          autoComplete="off"
          description="The new provider's admin issues it in their Provider Portal (Clients → Issue a move code)."
          error={codeError ?? claim.fieldErrors.code}
        />
        <div>
          <Button type="submit" loading={preparing || claim.busy}>
            Move {organizationName}
          </Button>
        </div>
      </form>
    </Card>
  );
}
