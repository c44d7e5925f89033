"use client";

import { type ReactNode, useState } from "react";
import { CopyButton } from "@/components/vault-tools/copy-button";
import { TotpCode } from "@/components/vault-tools/totp-code";
import { Button } from "@/components/ui/button";
import { type CipherView, FIELD_TYPES, IDENTITY_FIELDS } from "@/lib/vault/cipher-model";
import { IDENTITY_LABELS } from "./item-form/identity-fields";
import { passkeyCreated } from "./item-form/login-fields";
import type { VaultActions } from "./vault-context";

type Activity = "cipher_password_viewed" | "cipher_password_copied" | "cipher_username_copied" | "cipher_totp_copied";

/** Item views and copies go to the event log; failing to log never blocks the person. */
function useActivity(cipherId: string, logActivity: VaultActions["logItemActivity"]) {
  return (type: Activity) => void logActivity({ cipherId, type }).catch(() => undefined);
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 flex flex-wrap items-center gap-2 text-sm">{children}</dd>
    </div>
  );
}

function Secret({
  label,
  value,
  onShow,
  onCopy,
  testId,
}: {
  label: string;
  value: string;
  onShow?: () => void;
  onCopy?: () => void;
  testId?: string;
}) {
  const [shown, setShown] = useState(false);
  return (
    <Row label={label}>
      <span className="font-mono break-all" data-testid={testId}>
        {shown ? value : "••••••••••"}
      </span>
      <Button
        variant="ghost"
        onClick={() => {
          if (!shown) onShow?.();
          setShown(!shown);
        }}
      >
        {shown ? "Hide" : "Show"}
        <span className="sr-only"> {label.toLowerCase()}</span>
      </Button>
      <CopyButton value={value} label={label} variant="ghost" onCopied={onCopy} />
    </Row>
  );
}

/** Only http(s) websites can be opened from the vault; anything else (javascript:, file:) is shown, not linked. */
function launchable(uri: string): string | null {
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(uri) ? uri : `https://${uri}`;
  return URL.canParse(candidate) && /^https?:$/.test(new URL(candidate).protocol) ? candidate : null;
}

export function ItemView({
  cipherId,
  view,
  viewPassword,
  logActivity,
}: {
  cipherId: string;
  view: CipherView;
  logActivity: VaultActions["logItemActivity"];
  viewPassword: boolean;
}) {
  const report = useActivity(cipherId, logActivity);
  const login = view.login;
  const [historyShown, setHistoryShown] = useState(false);
  return (
    <dl className="flex flex-col gap-3">
      {login?.username ? (
        <Row label="Username">
          <span className="break-all">{login.username}</span>
          <CopyButton
            value={login.username}
            label="Username"
            variant="ghost"
            onCopied={() => report("cipher_username_copied")}
          />
        </Row>
      ) : null}
      {login && !viewPassword ? (
        <Row label="Password">
          <span className="text-slate-600">Hidden: you may use this item but not see its password.</span>
        </Row>
      ) : null}
      {login?.password && viewPassword ? (
        <Secret
          label="Password"
          value={login.password}
          testId="item-password"
          onShow={() => report("cipher_password_viewed")}
          onCopy={() => report("cipher_password_copied")}
        />
      ) : null}
      {login?.totp && viewPassword ? (
        <Row label="Verification code (TOTP)">
          <TotpCode secret={login.totp} />
        </Row>
      ) : null}
      {viewPassword
        ? login?.fido2Credentials.map((passkey, index) => (
            <Row key={`passkey-${index}`} label="Passkey">
              <span>Created {passkeyCreated(passkey)}</span>
            </Row>
          ))
        : null}
      {login?.uris.map((uri, index) => {
        const href = launchable(uri.uri);
        return (
          <Row key={index} label="Website">
            <span className="break-all">{uri.uri}</span>
            {href ? (
              <a
                href={href}
                target="_blank"
                rel="noopener noreferrer"
                className="text-sm font-medium text-brand-700 underline"
              >
                Launch<span className="sr-only"> {uri.uri}</span>
              </a>
            ) : null}
            <CopyButton value={uri.uri} label="Website" variant="ghost" />
          </Row>
        );
      })}
      {view.card ? (
        <>
          {view.card.cardholderName ? <Row label="Cardholder name">{view.card.cardholderName}</Row> : null}
          {view.card.brand ? <Row label="Brand">{view.card.brand}</Row> : null}
          {view.card.number ? <Secret label="Number" value={view.card.number} /> : null}
          {view.card.expMonth || view.card.expYear ? (
            <Row label="Expiration">{`${view.card.expMonth?.padStart(2, "0") ?? "--"} / ${view.card.expYear ?? "----"}`}</Row>
          ) : null}
          {view.card.code ? <Secret label="Security code" value={view.card.code} /> : null}
        </>
      ) : null}
      {view.identity
        ? IDENTITY_FIELDS.filter((field) => view.identity![field]).map((field) =>
            field === "ssn" || field === "passportNumber" || field === "licenseNumber" ? (
              <Secret key={field} label={IDENTITY_LABELS[field]} value={view.identity![field]!} />
            ) : (
              <Row key={field} label={IDENTITY_LABELS[field]}>
                {view.identity![field]}
              </Row>
            ),
          )
        : null}
      {view.sshKey ? (
        <>
          {view.sshKey.privateKey ? <Secret label="Private key" value={view.sshKey.privateKey} /> : null}
          {view.sshKey.publicKey ? (
            <Row label="Public key">
              <span className="font-mono text-xs break-all">{view.sshKey.publicKey}</span>
              <CopyButton value={view.sshKey.publicKey} label="Public key" variant="ghost" />
            </Row>
          ) : null}
          {view.sshKey.keyFingerprint ? <Row label="Fingerprint">{view.sshKey.keyFingerprint}</Row> : null}
        </>
      ) : null}
      {view.notes ? (
        <Row label="Notes">
          <span className="whitespace-pre-wrap">{view.notes}</span>
        </Row>
      ) : null}
      {view.fields.map((field, index) =>
        field.type === FIELD_TYPES.hidden ? (
          field.value ? (
            <Secret key={index} label={field.name ?? "Hidden field"} value={field.value} />
          ) : null
        ) : (
          <Row key={index} label={field.name ?? "Field"}>
            {field.type === FIELD_TYPES.boolean ? (field.value === "true" ? "Yes" : "No") : field.value}
          </Row>
        ),
      )}
      {view.passwordHistory.length > 0 && viewPassword ? (
        <Row label="Password history">
          <Button variant="ghost" onClick={() => setHistoryShown(!historyShown)} aria-expanded={historyShown}>
            {view.passwordHistory.length} earlier password{view.passwordHistory.length === 1 ? "" : "s"}
          </Button>
          {historyShown ? (
            <ul className="w-full text-xs">
              {view.passwordHistory.map((entry, index) => (
                <li key={index} className="font-mono break-all">
                  {entry.password}{" "}
                  <span className="font-sans text-slate-500">
                    (until {new Date(entry.lastUsedDate).toLocaleDateString("en")})
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </Row>
      ) : null}
    </dl>
  );
}
