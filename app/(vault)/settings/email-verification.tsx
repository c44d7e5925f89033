"use client";

import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EMAIL_LINK_LIFETIME_HOURS } from "@/lib/validation/account";
import { sendVerificationEmailAction } from "./actions";

/**
 * Accounts made before registration verified addresses: until verified, the address earns nothing that trusts it
 * (operator rights). The mailed link does the verifying.
 */
export function SendVerificationEmail() {
  const { run, busy, error } = useAction(sendVerificationEmailAction, {
    success: ({ email }) =>
      `A verification link was sent to ${email}. It expires in ${EMAIL_LINK_LIFETIME_HOURS} hours.`,
    refresh: false,
  });
  return (
    <div className="flex flex-col items-start gap-2">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="button" variant="secondary" loading={busy} onClick={() => void run({})}>
        Send verification email
      </Button>
    </div>
  );
}
