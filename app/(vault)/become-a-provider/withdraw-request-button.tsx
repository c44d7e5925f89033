"use client";

import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { withdrawProviderRequestAction } from "./actions";

export function WithdrawRequestButton({ requestId, businessName }: { requestId: string; businessName: string }) {
  const [open, setOpen] = useState(false);
  const withdraw = useAction(withdrawProviderRequestAction, { success: () => "Request withdrawn." });

  async function confirm() {
    const result = await withdraw.run({ requestId });
    if (result.ok) setOpen(false);
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Withdraw request
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Withdraw the request for ${businessName}?`}
        busy={withdraw.busy}
      >
        {withdraw.error ? <Alert tone="error">{withdraw.error}</Alert> : null}
        <p className="text-sm text-slate-700">
          Operators will no longer see it. You can send a new request afterwards.
        </p>
        <DialogActions>
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={withdraw.busy}>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} loading={withdraw.busy}>
            Withdraw
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
