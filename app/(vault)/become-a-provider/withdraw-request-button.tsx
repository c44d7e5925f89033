"use client";

import { useActionDialog } from "@/components/forms/use-action-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { withdrawProviderRequestAction } from "./actions";

export function WithdrawRequestButton({ requestId, businessName }: { requestId: string; businessName: string }) {
  const withdraw = useActionDialog(withdrawProviderRequestAction, { success: () => "Request withdrawn." });

  return (
    <>
      <Button variant="secondary" onClick={withdraw.show}>
        Withdraw request
      </Button>
      <Dialog
        open={withdraw.open}
        onClose={withdraw.close}
        title={`Withdraw the request for ${businessName}?`}
        busy={withdraw.busy}
      >
        {withdraw.error ? <Alert tone="error">{withdraw.error}</Alert> : null}
        <p className="text-sm text-slate-700">
          Operators will no longer see it. You can send a new request afterwards.
        </p>
        <DialogActions>
          <Button variant="secondary" onClick={withdraw.close} disabled={withdraw.busy}>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => withdraw.submit({ requestId })} loading={withdraw.busy}>
            Withdraw
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
