"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import { MasterPasswordField } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress } from "@/components/ui/progress";
import { useToast } from "@/components/ui/toast";
import { TOO_MANY_LOGIN_ATTEMPTS } from "@/lib/account-security/login-throttle";
import { LOGIN_ERROR_CODES } from "@/lib/account-security/two-factor";
import {
  deriveLoginSecrets,
  fetchCsrfToken,
  fetchKdfConfig,
  fetchKeyMaterial,
  signInWithCredentials,
  unlockWithMasterKey,
} from "@/lib/browser/keyring/account-flows";
import { unlockInBackground } from "@/lib/browser/keyring/storage";
import { decryptPool } from "@/lib/browser/vault-decrypt/decrypt-pool";
import type { KdfConfig } from "@/lib/crypto";
import {
  LOGIN_DERIVED_MARK,
  LOGIN_PRELOGIN_MARK,
  LOGIN_SIGNED_IN_MARK,
  LOGIN_STEP_LABELS,
  LOGIN_UNLOCKED_MARK,
  type LoginStep,
  markLoginSubmitted,
} from "@/lib/browser/login-steps";
import { SERVER_BUSY } from "@/lib/unavailable";
import { emailSchema } from "@/lib/validation/common";
import { TwoStepLoginForm, type SecondFactorKind } from "./two-step-login-form";

type Step = "idle" | LoginStep;

/**
 * What the second step needs from the first: kept in memory only, never rendered. The master key is derived once
 * (the slow step) and serves both the hash sent to the server and the unlock; it is zeroed once the login ends.
 */
type PendingLogin = { email: string; masterKey: Uint8Array; masterPasswordHash: string };

export function LoginForm({ returnTo, initialEmail }: { returnTo: string; initialEmail: string }) {
  const router = useRouter();
  const toast = useToast();
  const [step, setStep] = useState<Step>("idle");
  const [error, setError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | undefined>();
  const [askingForCode, setAskingForCode] = useState(false);
  const pending = useRef<PendingLogin | null>(null);
  // Asked for while the user types (the email entered, the password field focused), so the click waits for neither.
  const preLogin = useRef<{ email: string; kdfConfig: Promise<KdfConfig> } | null>(null);
  const csrfToken = useRef<Promise<string> | null>(null);

  /** Starts the requests a login needs before the password: the account's KDF settings and the sign-in token. */
  function prepare(emailInput: FormDataEntryValue | null) {
    const email = emailSchema.safeParse(emailInput);
    if (!email.success) return;
    if (preLogin.current?.email !== email.data) {
      const kdfConfig = fetchKdfConfig(email.data);
      kdfConfig.catch(() => {}); // Asked again at the click.
      preLogin.current = { email: email.data, kdfConfig };
    }
    signInToken();
  }

  function signInToken(): Promise<string> {
    if (!csrfToken.current) {
      const token = fetchCsrfToken();
      token.catch(() => (csrfToken.current = null));
      csrfToken.current = token;
    }
    return csrfToken.current;
  }

  function kdfConfigFor(email: string): Promise<KdfConfig> {
    const asked = preLogin.current;
    return asked?.email === email ? asked.kdfConfig.catch(() => fetchKdfConfig(email)) : fetchKdfConfig(email);
  }

  /** Signs in with the derived hash (and a code, once asked for one), then unlocks with the master key. */
  async function signInAndUnlock(login: PendingLogin, twoFactor?: { code: string; kind: SecondFactorKind }) {
    setStep("signing-in");
    const credentials = {
      email: login.email,
      masterPasswordHash: login.masterPasswordHash,
      ...(twoFactor ? { twoFactorCode: twoFactor.code } : {}),
    };
    let result = await signInWithCredentials(credentials, await signInToken(), returnTo);
    if (result.error === "MissingCSRF") {
      // The token fetched ahead went stale (its cookie was dropped): once more with a new one.
      csrfToken.current = null;
      result = await signInWithCredentials(credentials, await signInToken(), returnTo);
    }
    if (result.code === LOGIN_ERROR_CODES.twoFactorRequired) {
      // The password was right (Bitwarden says so too at this point); the code comes next.
      pending.current = login;
      setStep("idle");
      return setAskingForCode(true);
    }
    if (result.code === LOGIN_ERROR_CODES.tooManyAttempts) {
      // Throttled (even a right password is refused for now): back to the first step, with how long to wait.
      forget(login);
      setAskingForCode(false);
      setStep("idle");
      return setError(TOO_MANY_LOGIN_ATTEMPTS);
    }
    if (result.code === LOGIN_ERROR_CODES.invalidTwoFactorCode) {
      setStep("idle");
      return setError(
        twoFactor?.kind === "recovery"
          ? "That recovery code is not valid. Check it and try again."
          : "That code is not valid. Enter the newest code from your authenticator app.",
      );
    }
    if (result.code === LOGIN_ERROR_CODES.tooManyTwoFactorCodes) {
      setStep("idle");
      return setError("Too many wrong codes. Wait 15 minutes, then try again.");
    }
    if (result.code === LOGIN_ERROR_CODES.serverBusy) {
      // Nothing was checked: the person tries again in a moment (at the code step, with the keys already derived).
      if (!twoFactor) forget(login);
      setStep("idle");
      return setError(SERVER_BUSY);
    }
    if (!result.ok || result.error) {
      forget(login);
      setStep("idle");
      return setError("Invalid email or master password.");
    }
    performance.mark(LOGIN_SIGNED_IN_MARK);
    setStep("opening");
    // The vault page loads while the user key is unwrapped: its keyring waits for the key (unlockInBackground).
    const unlocked = unlockInBackground(
      fetchKeyMaterial()
        .then(async (material) => ({
          userId: material.userId,
          key: await unlockWithMasterKey(material, login.masterKey),
        }))
        .finally(() => forget(login)),
    );
    pending.current = null;
    // No router.refresh() after it: that loaded the vault page a second time, cancelling or racing the first load.
    router.replace(returnTo);
    await unlocked;
    performance.mark(LOGIN_UNLOCKED_MARK);
    if (twoFactor?.kind === "recovery") {
      toast.show(
        "You logged in with your recovery code, which turned two-step login off. Turn it on again in Settings → Security.",
        "info",
      );
    }
  }

  /** Ends a login attempt: the master key is zeroed and no second step is pending. */
  function forget(login: PendingLogin | null) {
    login?.masterKey.fill(0);
    pending.current = null;
  }

  async function run(work: () => Promise<void>) {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setStep("idle");
      setError(failure instanceof Error ? failure.message : "Login failed. Try again.");
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = emailSchema.safeParse(form.get("email"));
    const password = String(form.get("masterPassword") ?? "");
    setError(null);
    setEmailError(email.success ? undefined : email.error.issues[0]?.message);
    if (!email.success) return;
    if (!password) return setError("Enter your master password.");
    void run(async () => {
      markLoginSubmitted();
      setStep("deriving");
      prepare(email.data);
      // The vault's decryption workers load while the key is derived and the server checks it.
      decryptPool();
      const kdfConfig = await kdfConfigFor(email.data);
      performance.mark(LOGIN_PRELOGIN_MARK);
      const { masterKey, masterPasswordHash } = await deriveLoginSecrets({ email: email.data, password, kdfConfig });
      performance.mark(LOGIN_DERIVED_MARK);
      await signInAndUnlock({ email: email.data, masterKey, masterPasswordHash });
    });
  }

  function onCode(code: string, kind: SecondFactorKind) {
    const login = pending.current;
    if (!login) return setAskingForCode(false);
    void run(() => signInAndUnlock(login, { code, kind }));
  }

  function startOver() {
    forget(pending.current);
    setError(null);
    setAskingForCode(false);
  }

  const busy = step !== "idle";
  if (askingForCode) {
    return (
      <TwoStepLoginForm
        error={error}
        busy={busy}
        progress={busy ? LOGIN_STEP_LABELS[step as LoginStep] : null}
        onSubmit={onCode}
        onCancel={startOver}
      />
    );
  }
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Log in</h1>
      <p className="mb-6 text-sm text-slate-600">Your master password never leaves this browser.</p>
      <form
        onSubmit={onSubmit}
        onBlur={(event) => prepare(new FormData(event.currentTarget).get("email"))}
        onFocus={(event) => prepare(new FormData(event.currentTarget).get("email"))}
        noValidate
        className="flex flex-col gap-4"
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
        <TextField
          label="Email address"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={initialEmail}
          error={emailError}
        />
        <MasterPasswordField required />
        {busy ? <IndeterminateProgress label={LOGIN_STEP_LABELS[step as LoginStep]} /> : null}
        <Button type="submit" loading={busy}>
          Log in with master password
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600">
        New to Keyhouse?{" "}
        <Link
          href={`/register?callbackUrl=${encodeURIComponent(returnTo)}`}
          className="font-semibold text-brand-700 underline"
        >
          Create account
        </Link>
      </p>
    </Card>
  );
}
