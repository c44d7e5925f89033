"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DisableTwoStepLoginDialog } from "./disable-two-step-login-dialog";
import { SetUpTwoStepLoginDialog } from "./set-up-two-step-login-dialog";

type Props = {
  email: string;
  /** The day it was turned on (YYYY-MM-DD), or null while it is off. */
  enabledOn: string | null;
  /** Organizations whose "require two-step login" policy binds this person. */
  requiredBy: string[];
};

function listed(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Whether two-step login is on, and the dialogs that turn it on or off. */
export function TwoStepLogin({ email, enabledOn, requiredBy }: Props) {
  const [dialog, setDialog] = useState<"setup" | "disable" | null>(null);
  const required =
    requiredBy.length > 0
      ? `${listed(requiredBy)} ${requiredBy.length === 1 ? "requires" : "require"} two-step login.`
      : null;
  return (
    <div className="flex flex-col gap-4">
      {enabledOn ? (
        <Alert tone="success" title="Two-step login is on">
          Authenticator app, turned on {enabledOn}.
        </Alert>
      ) : (
        <Alert tone={required ? "warning" : "info"} title="Two-step login is off">
          {required
            ? `${required} Turn it on to keep your access there.`
            : "Anyone who learns your master password can log in."}
        </Alert>
      )}
      <div>
        {enabledOn ? (
          <Button variant="secondary" onClick={() => setDialog("disable")}>
            Turn off two-step login
          </Button>
        ) : (
          <Button onClick={() => setDialog("setup")}>Turn on two-step login</Button>
        )}
      </div>
      <SetUpTwoStepLoginDialog open={dialog === "setup"} email={email} onClose={() => setDialog(null)} />
      <DisableTwoStepLoginDialog open={dialog === "disable"} requiredBy={required} onClose={() => setDialog(null)} />
    </div>
  );
}
