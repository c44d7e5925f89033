"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { acceptInvitation } from "../actions";

export function AcceptInvitationButton({ kind, token }: { kind: "provider" | "organization"; token: string }) {
  const router = useRouter();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function accept() {
    setBusy(true);
    setError(null);
    const result = await acceptInvitation({ kind, token });
    if (!result.ok) {
      setBusy(false);
      return setError(result.error);
    }
    toast.show(`You joined ${result.tenantName}. An administrator will confirm you.`);
    router.replace(result.redirectTo);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button onClick={accept} loading={busy}>
        Accept invitation
      </Button>
    </div>
  );
}
