"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { MasterPasswordField } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { InvitationMasterPasswordPolicy } from "@/lib/dal/policies";
import { checkMasterPassword, describeMasterPasswordRequirements } from "@/lib/policies/master-password";
import { acceptInvitation } from "../actions";

type Props = {
  kind: "provider" | "organization";
  token: string;
  /** The organization's master password requirements, when its policy is on. */
  masterPasswordPolicy?: InvitationMasterPasswordPolicy | null;
  /** The signed-in person: their email and name count as guessable when rating the password. */
  person: { email: string; name: string };
};

export function AcceptInvitationButton({ kind, token, masterPasswordPolicy, person }: Props) {
  const router = useRouter();
  const [checking, setChecking] = useState(false);
  const [unmet, setUnmet] = useState<string | null>(null);
  const { run, busy, error } = useAction(acceptInvitation, {
    success: (joined) => `You joined ${joined.tenantName}. An administrator will confirm you.`,
  });

  /** Zero knowledge: the password is only checked here, never sent or derived (the server could not verify it). */
  async function meetsPolicy(form: HTMLFormElement): Promise<boolean> {
    if (!masterPasswordPolicy) return true;
    setChecking(true);
    const password = String(new FormData(form).get("masterPassword") ?? "");
    const problems = await checkMasterPassword(password, masterPasswordPolicy.requirements, [
      person.email,
      person.name,
    ]).finally(() => setChecking(false));
    setUnmet(
      problems.length > 0
        ? `Your master password does not meet the requirements of ${masterPasswordPolicy.organizationName}. ${problems.join(" ")} Change your master password, then accept the invitation again.`
        : null,
    );
    return problems.length === 0;
  }

  async function accept(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!(await meetsPolicy(event.currentTarget))) return;
    const result = await run({ kind, token });
    if (result.ok) router.replace(result.redirectTo);
  }

  return (
    <form onSubmit={accept} noValidate className="flex flex-col gap-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {masterPasswordPolicy ? (
        <MasterPasswordField
          required
          error={unmet ?? undefined}
          description={`${masterPasswordPolicy.organizationName} requires a master password with ${describeMasterPasswordRequirements(masterPasswordPolicy.requirements)}. Enter yours to check it: it is checked in this browser and never sent.`}
        />
      ) : null}
      <Button type="submit" loading={busy || checking}>
        Accept invitation
      </Button>
    </form>
  );
}
