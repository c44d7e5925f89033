"use client";

import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import {
  decryptForExport,
  downloadFile,
  ExportError,
  fetchExportItems,
  writeExportFile,
} from "@/components/import-export/export-pipeline";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { PasswordField } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { IndeterminateProgress, ProgressBar } from "@/components/ui/progress";
import { SelectField } from "@/components/ui/select-field";
import { EXPORT_FORMATS, type ExportFormatId, exportFileName, exportFormat } from "@/lib/export";
import { recordVaultExport } from "./actions";

type Progress =
  | { phase: "idle" }
  | { phase: "loading" }
  | { phase: "decrypting"; done: number; total: number }
  | { phase: "writing"; encrypted: boolean };

type Exported = {
  count: number;
  label: string;
  fileName: string;
  leftOut: number;
  withoutPasswords: number;
  undecryptable: number;
};

const MIN_PASSWORD_LENGTH = 8;
const KEY_UNAVAILABLE =
  "Your copy of the organization key could not be opened, so the items cannot be decrypted. Lock and unlock your vault, then try again.";
const PLAINTEXT_WARNING =
  "This export contains your organization's vault data in an unencrypted format. Anyone who gets the file can read every password in it: don't store it or send it over insecure channels (email, chat), and delete it as soon as you are done with it.";

const count = (value: number) => value.toLocaleString("en");

function ProgressView({ progress }: { progress: Progress }) {
  switch (progress.phase) {
    case "loading":
      return <IndeterminateProgress label="Loading the organization's items…" />;
    case "decrypting":
      return (
        <ProgressBar
          label={`Decrypted ${count(progress.done)} of ${count(progress.total)} items`}
          value={progress.done}
          max={progress.total}
        />
      );
    case "writing":
      return (
        <IndeterminateProgress
          label={progress.encrypted ? "Encrypting the file with your password…" : "Writing the file…"}
        />
      );
    default:
      return null;
  }
}

function ExportedSummary({ exported }: { exported: Exported }) {
  const notes = [
    exported.leftOut > 0
      ? `${count(exported.leftOut)} cards, identities or SSH keys were left out: Bitwarden's CSV holds only logins and secure notes. Export as JSON to keep them.`
      : null,
    exported.withoutPasswords > 0
      ? `${count(exported.withoutPasswords)} items are exported without their passwords, because your access to their collections hides passwords.`
      : null,
    exported.undecryptable > 0
      ? `${count(exported.undecryptable)} items could not be decrypted and were left out.`
      : null,
  ].filter((note): note is string => note !== null);
  return (
    <Alert tone="success" title={`Exported ${count(exported.count)} items as ${exported.label}`}>
      <p>Your browser saved the file as {exported.fileName}.</p>
      {notes.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/**
 * Export: the organization's items are fetched encrypted, decrypted in this browser and written as a file it
 * downloads. The export is recorded in the event log before the file is offered.
 */
export function ExportForm({ organizationId }: { organizationId: string }) {
  const { keys } = useKeyring();
  const record = useAction(recordVaultExport, { refresh: false });
  const [formatId, setFormatId] = useState<ExportFormatId>("json");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<Progress>({ phase: "idle" });
  const [exported, setExported] = useState<Exported | null>(null);
  const format = exportFormat(formatId);
  const busy = progress.phase !== "idle";

  function passwordErrors(form: FormData): Record<string, string> {
    if (format.plaintext) return {};
    const password = String(form.get("password") ?? "");
    const confirmation = String(form.get("confirmPassword") ?? "");
    if (password.length < MIN_PASSWORD_LENGTH)
      return { password: `Use at least ${MIN_PASSWORD_LENGTH} characters for the file password.` };
    if (confirmation !== password) return { confirmPassword: "The passwords do not match." };
    return {};
  }

  async function runExport(password: string) {
    setError(null);
    setExported(null);
    try {
      setProgress({ phase: "loading" });
      const response = await fetchExportItems(organizationId);
      const key = await keys.organizationKey(organizationId).catch(() => {
        throw new ExportError(KEY_UNAVAILABLE);
      });
      const total = response.items.length;
      setProgress({ phase: "decrypting", done: 0, total });
      const decrypted = await decryptForExport(organizationId, response, key, (done) =>
        setProgress({ phase: "decrypting", done, total }),
      );
      setProgress({ phase: "writing", encrypted: !format.plaintext });
      const file = await writeExportFile(formatId, decrypted.source, password);
      const exportedCount = decrypted.source.items.length - file.leftOut;
      const recorded = await record.run({ organizationId, format: formatId, count: exportedCount });
      if (!recorded.ok) throw new ExportError(recorded.error);
      const fileName = exportFileName(formatId, new Date());
      downloadFile(file.text, fileName, format.mimeType);
      setExported({
        count: exportedCount,
        label: format.label,
        fileName,
        leftOut: file.leftOut,
        withoutPasswords: decrypted.withoutPasswords,
        undecryptable: decrypted.undecryptable,
      });
    } catch (failure) {
      setError(
        failure instanceof ExportError
          ? failure.message
          : "The export could not be written. Reload the page and try again.",
      );
    } finally {
      setProgress({ phase: "idle" });
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const errors = passwordErrors(form);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    if (format.plaintext) setConfirming(true);
    else void runExport(String(form.get("password")));
  }

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      {exported ? <ExportedSummary exported={exported} /> : null}
      <form
        onSubmit={onSubmit}
        noValidate
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
        <SelectField
          label="File format"
          name="format"
          value={formatId}
          disabled={busy}
          onChange={(event) => {
            setFormatId(event.currentTarget.value as ExportFormatId);
            setFieldErrors({});
          }}
          options={EXPORT_FORMATS.map((entry) => ({ value: entry.id, label: entry.label }))}
        />
        {format.plaintext ? (
          <Alert tone="warning" title="This file will not be encrypted">
            {PLAINTEXT_WARNING}
          </Alert>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              The file is encrypted with a password you choose. Keyhouse and Bitwarden can import it with that password;
              without it, nobody can read it. Keep the password somewhere safe: it cannot be recovered.
            </p>
            <PasswordField
              label="File password"
              name="password"
              autoComplete="new-password"
              required
              disabled={busy}
              error={fieldErrors.password}
            />
            <PasswordField
              label="Confirm file password"
              name="confirmPassword"
              autoComplete="new-password"
              required
              disabled={busy}
              error={fieldErrors.confirmPassword}
            />
          </>
        )}
        <ProgressView progress={progress} />
        <div>
          <Button type="submit" loading={busy}>
            Export vault
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title="Export an unencrypted file?"
        message={PLAINTEXT_WARNING}
        confirmLabel="Export unencrypted file"
        tone="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void runExport("");
        }}
      />
    </div>
  );
}
