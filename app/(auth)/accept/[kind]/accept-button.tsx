"use client";

import { useRouter } from "next/navigation";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptInvitation } from "../actions";

export function AcceptInvitationButton({ kind, token }: { kind: "provider" | "organization"; token: string }) {
  const router = useRouter();
  const { run, busy, error } = useAction(acceptInvitation, {
    success: (joined) => `You joined ${joined.tenantName}. An administrator will confirm you.`,
  });

  async function accept() {
    const result = await run({ kind, token });
    if (result.ok) router.replace(result.redirectTo);
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
