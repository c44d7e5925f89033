"use client";

import { useState } from "react";
import { currentMasterPasswordHash, InvalidMasterPasswordError } from "@/lib/browser/keyring/master-password-proof";

/**
 * The master password as proof for an account action: derives its hash in the browser (slow on purpose, so
 * `deriving` drives a progress indicator) after checking that it opens the user key. `prove` answers the hash, or
 * null with `error` set for the password field.
 */
export function useMasterPasswordProof() {
  const [deriving, setDeriving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function prove(password: string): Promise<string | null> {
    if (!password) {
      setError("Enter your master password.");
      return null;
    }
    setError(undefined);
    setDeriving(true);
    try {
      return await currentMasterPasswordHash(password);
    } catch (failure) {
      setError(
        failure instanceof InvalidMasterPasswordError
          ? failure.message
          : "Your master password could not be checked. Try again.",
      );
      return null;
    } finally {
      setDeriving(false);
    }
  }

  return { prove, deriving, error, clearError: () => setError(undefined) };
}
