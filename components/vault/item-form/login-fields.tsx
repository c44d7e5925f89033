"use client";

import { Button } from "@/components/ui/button";
import {
  CIPHER_LIMITS,
  type Fido2CredentialView,
  type LoginView,
  URI_MATCH_TYPES,
  type UriMatch,
} from "@/lib/vault/cipher-model";
import { Section, SecretInput, SelectInput, TextInput } from "./field-controls";

const MATCH_OPTIONS = [
  { value: "default", label: "Default match detection" },
  { value: String(URI_MATCH_TYPES.domain), label: "Base domain" },
  { value: String(URI_MATCH_TYPES.host), label: "Host" },
  { value: String(URI_MATCH_TYPES.startsWith), label: "Starts with" },
  { value: String(URI_MATCH_TYPES.exact), label: "Exact" },
  { value: String(URI_MATCH_TYPES.regex), label: "Regular expression" },
  { value: String(URI_MATCH_TYPES.never), label: "Never" },
];

/** When a passkey was made, as Bitwarden shows it ("Passkey: created <date>"). */
export function passkeyCreated(passkey: Fido2CredentialView): string {
  const date = new Date(passkey.creationDate);
  if (Number.isNaN(date.getTime())) return passkey.creationDate;
  return date.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
}

type Props = {
  login: LoginView;
  onChange: (login: LoginView) => void;
  /** Members who may edit but not see passwords get no password or TOTP fields (the server keeps them). */
  canSeePassword: boolean;
  passwordTools?: React.ReactNode;
};

export function LoginFields({ login, onChange, canSeePassword, passwordTools }: Props) {
  const set = (change: Partial<LoginView>) => onChange({ ...login, ...change });
  const setUri = (index: number, change: Partial<LoginView["uris"][number]>) =>
    set({ uris: login.uris.map((uri, position) => (position === index ? { ...uri, ...change } : uri)) });
  return (
    <Section title="Login credentials">
      <TextInput
        label="Username"
        value={login.username}
        onChange={(username) => set({ username })}
        autoComplete="off"
      />
      {canSeePassword ? (
        <>
          <SecretInput label="Password" value={login.password} onChange={(password) => set({ password })} />
          {passwordTools}
          <SecretInput label="Authenticator key (TOTP)" value={login.totp} onChange={(totp) => set({ totp })} />
        </>
      ) : (
        <p className="text-sm text-slate-600">
          You can edit this item but not see or change its password and authenticator key.
        </p>
      )}
      {login.fido2Credentials.map((passkey, index) => (
        <p key={index} className="text-sm text-slate-600">
          Passkey: created {passkeyCreated(passkey)}. Saving keeps it.
        </p>
      ))}
      <div className="flex flex-col gap-2">
        {login.uris.map((uri, index) => (
          <div key={index} className="grid gap-2 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
            <TextInput
              label={`Website (URI ${index + 1})`}
              value={uri.uri}
              onChange={(value) => setUri(index, { uri: value ?? "" })}
            />
            <SelectInput
              label={`Match detection for URI ${index + 1}`}
              value={uri.match === null ? "default" : String(uri.match)}
              onChange={(value) => setUri(index, { match: value === "default" ? null : (Number(value) as UriMatch) })}
              options={MATCH_OPTIONS}
            />
            <Button
              variant="ghost"
              onClick={() => set({ uris: login.uris.filter((_, position) => position !== index) })}
            >
              Remove<span className="sr-only"> URI {index + 1}</span>
            </Button>
          </div>
        ))}
        <div>
          <Button
            variant="secondary"
            disabled={login.uris.length >= CIPHER_LIMITS.uris}
            onClick={() => set({ uris: [...login.uris, { uri: "", match: null }] })}
          >
            Add website
          </Button>
          {login.uris.length >= CIPHER_LIMITS.uris ? (
            <span className="ml-2 text-xs text-slate-600">An item has at most {CIPHER_LIMITS.uris} URIs.</span>
          ) : null}
        </div>
      </div>
    </Section>
  );
}
