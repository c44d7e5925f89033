"use client";

import { useId } from "react";
import { SelectField } from "@/components/ui/select-field";
import {
  VAULT_TIMEOUT_ACTIONS,
  VAULT_TIMEOUT_CHOICES,
  useVaultTimeoutSettings,
  type VaultTimeoutAction,
} from "@/lib/browser/keyring/vault-timeout";

const ON_RESTART = "restart";

/** This device's vault timeout and what happens when it runs out. */
export function VaultTimeoutSettings() {
  const { settings, setSettings } = useVaultTimeoutSettings();
  const timeoutDescription = useId();
  const actionDescription = useId();
  return (
    <div className="flex flex-col gap-4">
      <div>
        <SelectField
          label="Vault timeout"
          aria-describedby={timeoutDescription}
          options={VAULT_TIMEOUT_CHOICES.map((choice) => ({
            value: choice.minutes === null ? ON_RESTART : String(choice.minutes),
            label: choice.label,
          }))}
          value={settings.timeout === null ? ON_RESTART : String(settings.timeout)}
          onChange={(event) =>
            setSettings({ ...settings, timeout: event.target.value === ON_RESTART ? null : Number(event.target.value) })
          }
        />
        <p id={timeoutDescription} className="mt-1 text-xs text-slate-600">
          How long a tab may go without your mouse, touch or keyboard before the timeout action runs. &quot;On browser
          restart&quot; keeps an unlocked tab open until you close it. Locking by hand (Lock, top right) works at any
          time.
        </p>
      </div>
      <div>
        <SelectField
          label="Vault timeout action"
          aria-describedby={actionDescription}
          options={VAULT_TIMEOUT_ACTIONS.map((choice) => ({ value: choice.value, label: choice.label }))}
          value={settings.action}
          onChange={(event) => setSettings({ ...settings, action: event.target.value as VaultTimeoutAction })}
        />
        <p id={actionDescription} className="mt-1 text-xs text-slate-600">
          Lock asks for your master password to unlock. Log out ends the session: logging in again asks for your email,
          master password and two-step login.
        </p>
      </div>
    </div>
  );
}
