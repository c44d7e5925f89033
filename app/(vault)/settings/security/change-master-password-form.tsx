"use client";

import { type FormEvent } from "react";
import { MasterPasswordField, NewMasterPasswordFields } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IndeterminateProgress } from "@/components/ui/progress";
import {
  checkMasterPassword,
  describeMasterPasswordRequirements,
  type MasterPasswordRequirements,
} from "@/lib/policies/master-password";
import { changeMasterPasswordFormSchema } from "@/lib/validation/account-security";
import { fieldErrorsOf } from "@/lib/validation/errors";
import { changeMasterPasswordAction } from "./actions";
import { CHANGE_STEP_LABELS, useMasterCredentialChange } from "./use-master-credential-change";

type Props = {
  email: string;
  name: string;
  /** The combined master password requirements of the user's organizations, and which organizations set them. */
  policy: { requirements: MasterPasswordRequirements; organizations: string[] } | null;
};

function requiredBy(organizations: string[]): string {
  return organizations.length === 1 ? organizations[0]! : "Your organizations";
}

export function ChangeMasterPasswordForm({ email, name, policy }: Props) {
  const { change, step, refuse, error, fieldErrors } = useMasterCredentialChange(changeMasterPasswordAction, {
    email,
    success: "Your master password was changed.",
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = changeMasterPasswordFormSchema.safeParse(Object.fromEntries(new FormData(formElement)));
    if (!form.success) return refuse(fieldErrorsOf(form.error));
    const { currentMasterPassword, newMasterPassword } = form.data;
    // Only this browser sees the password, so only it can hold it to the organizations' requirements.
    const unmet = policy ? await checkMasterPassword(newMasterPassword, policy.requirements, [email, name]) : [];
    if (unmet.length > 0) {
      return refuse({
        newMasterPassword: `This master password does not meet the requirements of ${requiredBy(policy!.organizations)}. ${unmet.join(" ")}`,
      });
    }
    if (
      await change({
        currentPassword: currentMasterPassword,
        currentField: "currentMasterPassword",
        newPassword: newMasterPassword,
      })
    )
      formElement.reset();
  }

  const busy = step !== "idle";
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {error && Object.keys(fieldErrors).length === 0 ? <Alert tone="error">{error}</Alert> : null}
      <MasterPasswordField
        label="Current master password"
        name="currentMasterPassword"
        required
        error={fieldErrors.currentMasterPassword}
      />
      <NewMasterPasswordFields
        label="New master password"
        name="newMasterPassword"
        fieldErrors={fieldErrors}
        requirements={
          policy
            ? `${requiredBy(policy.organizations)} ${policy.organizations.length === 1 ? "requires" : "require"} a master password with ${describeMasterPasswordRequirements(policy.requirements)}.`
            : null
        }
      />
      {busy ? <IndeterminateProgress label={CHANGE_STEP_LABELS[step]} /> : null}
      <div>
        <Button type="submit" loading={busy}>
          Change master password
        </Button>
      </div>
    </form>
  );
}
