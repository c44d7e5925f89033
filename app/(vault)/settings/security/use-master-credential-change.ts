"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/authz/action";
import { fetchKeyMaterial } from "@/lib/browser/keyring/account-flows";
import {
  InvalidMasterPasswordError,
  proveMasterPassword,
  rewrapForMasterPassword,
} from "@/lib/browser/keyring/master-password-proof";
import { clearKeyring } from "@/lib/browser/keyring/storage";
import { kdfConfigOf, type KdfConfig } from "@/lib/crypto";
import type { MasterCredentialsChange } from "@/lib/validation/account-security";
import { signInAgain } from "./sign-in-again";

type Step = "idle" | "checking" | "deriving" | "saving" | "signing-in";

export const CHANGE_STEP_LABELS: Record<Exclude<Step, "idle">, string> = {
  checking: "Checking your current master password…",
  deriving: "Deriving your new keys…",
  saving: "Saving…",
  "signing-in": "Logging you in again…",
};

type Change = {
  currentPassword: string;
  /** The form field the current password came from, for its error. */
  currentField: string;
  /** Omitted: the same password (a KDF change). */
  newPassword?: string;
  /** Omitted: the current KDF configuration (a password change). */
  kdfConfig?: KdfConfig;
};

/**
 * A new master password or a new KDF configuration, in the browser: prove the current password by opening the user key,
 * derive the new master key, re-wrap the user key, save, then sign this browser in again (the change ended every
 * session). The master password itself never leaves the browser.
 */
export function useMasterCredentialChange(
  action: (input: MasterCredentialsChange) => Promise<ActionResult>,
  { email, success }: { email: string; success: string },
) {
  const router = useRouter();
  const toast = useToast();
  const [step, setStep] = useState<Step>("idle");
  const [localError, setLocalError] = useState<string | null>(null);
  const [localFieldErrors, setLocalFieldErrors] = useState<Record<string, string>>({});
  const { run, error, fieldErrors, reset } = useAction(action, { refresh: false });

  function refuse(fieldErrorsToShow: Record<string, string>) {
    reset();
    setLocalError(null);
    setLocalFieldErrors(fieldErrorsToShow);
  }

  async function change({ currentPassword, currentField, newPassword, kdfConfig }: Change): Promise<boolean> {
    refuse({});
    try {
      setStep("checking");
      const material = await fetchKeyMaterial();
      const proof = await proveMasterPassword(material, currentPassword);
      setStep("deriving");
      const nextKdfConfig = kdfConfigOf(kdfConfig ?? material);
      const next = await rewrapForMasterPassword(material, proof.userKey, {
        password: newPassword ?? currentPassword,
        kdfConfig: nextKdfConfig,
      });
      setStep("saving");
      const saved = await run({
        currentMasterPasswordHash: proof.masterPasswordHash,
        newMasterPasswordHash: next.masterPasswordHash,
        key: next.key,
        ...nextKdfConfig,
      });
      if (!saved.ok) return false;
      setStep("signing-in");
      if (await signInAgain(email, next.masterPasswordHash)) {
        toast.show(`${success} Your other sessions were logged out.`);
        router.refresh();
      } else {
        clearKeyring();
        toast.show(`${success} Log in again to continue.`, "info");
        router.replace(
          `/login?email=${encodeURIComponent(email)}&callbackUrl=${encodeURIComponent("/settings/security")}`,
        );
      }
      return true;
    } catch (failure) {
      if (failure instanceof InvalidMasterPasswordError) refuse({ [currentField]: failure.message });
      else
        setLocalError(
          failure instanceof Error ? failure.message : "Something went wrong and nothing was saved. Please try again.",
        );
      return false;
    } finally {
      setStep("idle");
    }
  }

  return { change, step, refuse, error: localError ?? error, fieldErrors: { ...fieldErrors, ...localFieldErrors } };
}
