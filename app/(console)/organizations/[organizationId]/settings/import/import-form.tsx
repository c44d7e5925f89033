"use client";

import { type ChangeEvent, type FormEvent, useId, useMemo, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { encryptForImport, toBatches } from "@/components/import-export/import-pipeline";
import { type ImportOutcome, ImportSummary } from "@/components/import-export/import-summary";
import { sortedByName, useDecryptedNames } from "@/components/organization/use-decrypted-names";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { PasswordField } from "@/components/forms/password-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { IndeterminateProgress, ProgressBar } from "@/components/ui/progress";
import { SelectField } from "@/components/ui/select-field";
import type { EncString, SymmetricKey } from "@/lib/crypto";
import type { ImportedFile } from "@/lib/dal/organization-imports";
import { IMPORT_FORMATS, ImportFileError, type ImportFormat, importFileHash, importFormat } from "@/lib/import";
import { importItemsBatch } from "./actions";

type Progress =
  | { phase: "idle" }
  | { phase: "reading"; label: string }
  | { phase: "encrypting"; done: number; total: number }
  | { phase: "uploading"; done: number; total: number };

const count = (value: number) => value.toLocaleString("en");

const formatDate = (iso: string) => new Date(iso).toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });

/** What the form was asked to import, held while the person decides whether to import the same file again. */
type Request = { collectionId: string; password: string; fileHash: string; key: SymmetricKey };

const KEY_UNAVAILABLE =
  "Your copy of the organization key could not be opened, so nothing can be encrypted for it. Lock and unlock your vault, then try again.";
const UNREADABLE = "The file could not be read. Check that it is a file of the format you chose.";

function ProgressView({ progress }: { progress: Progress }) {
  switch (progress.phase) {
    case "reading":
      return <IndeterminateProgress label={progress.label} />;
    case "encrypting":
      return (
        <ProgressBar
          label={`Encrypted ${count(progress.done)} of ${count(progress.total)} items`}
          value={progress.done}
          max={progress.total}
        />
      );
    case "uploading":
      return (
        <ProgressBar
          label={`Imported ${count(progress.done)} of ${count(progress.total)}`}
          value={progress.done}
          max={progress.total}
        />
      );
    default:
      return null;
  }
}

async function parseFile(format: ImportFormat, text: string, password: string) {
  try {
    return { result: await format.parse(text, password) };
  } catch (error) {
    // Parsers throw only fixed sentences (ImportFileError); anything else is a bug whose message may hold file content.
    return { error: error instanceof ImportFileError ? error.message : UNREADABLE };
  }
}

/**
 * Import: the file is read, parsed and encrypted under the organization key in this browser, then uploaded in
 * batches (each batch commits on its own, so the progress bar shows real progress). Nothing is uploaded when the
 * file cannot be read. A file this organization imported before (recognised by its keyed hash) is imported again
 * only when the person says so; a finished import empties the form.
 */
export function ImportForm({
  organizationId,
  collections,
  importedFiles,
}: {
  organizationId: string;
  collections: { id: string; name: EncString }[];
  importedFiles: ImportedFile[];
}) {
  const { keys } = useKeyring();
  const named = sortedByName(useDecryptedNames(organizationId, collections), collections);
  const upload = useAction(importItemsBatch, { refresh: false });
  const pasteId = useId();
  const [formatId, setFormatId] = useState<string>(IMPORT_FORMATS[0].id);
  const [fileText, setFileText] = useState<string | null>(null);
  const [pasted, setPasted] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress>({ phase: "idle" });
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [imported, setImported] = useState(
    () => new Map(importedFiles.map((file) => [file.fileHash, file.importedAt])),
  );
  const [again, setAgain] = useState<(Request & { importedAt: string }) | null>(null);
  // A new key empties the file input, which the browser alone can do.
  const [fileInput, setFileInput] = useState(0);
  const format = importFormat(formatId) ?? IMPORT_FORMATS[0];
  const text = fileText ?? pasted;
  const needsPassword = useMemo(() => text.trim() !== "" && (format.needsPassword?.(text) ?? false), [format, text]);
  const busy = progress.phase !== "idle";

  async function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setOutcome(null);
    setFormError(null);
    if (!file) return setFileText(null);
    try {
      setFileText(await file.text());
    } catch {
      setFileText(null);
      setFieldErrors({ file: "The file could not be opened. Choose it again." });
    }
  }

  function validate(collectionId: string, password: string): Record<string, string> {
    const errors: Record<string, string> = {};
    if (text.trim() === "") errors.file = "Choose a file, or paste its contents below.";
    if (collectionId === "") errors.collectionId = "Choose the collection to import into.";
    if (needsPassword && password === "") errors.password = "Enter the password the file was exported with.";
    return errors;
  }

  async function organizationKey(): Promise<SymmetricKey | null> {
    return keys.organizationKey(organizationId).catch(() => null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const collectionId = String(form.get("collectionId") ?? "");
    const password = String(form.get("password") ?? "");
    const errors = validate(collectionId, password);
    setFieldErrors(errors);
    setFormError(null);
    setOutcome(null);
    if (Object.keys(errors).length > 0) return;
    const key = await organizationKey();
    if (!key) return setFormError(KEY_UNAVAILABLE);
    const request = { collectionId, password, key, fileHash: await importFileHash(text, key) };
    const importedAt = imported.get(request.fileHash);
    if (importedAt) return setAgain({ ...request, importedAt });
    await runImport(request);
  }

  async function runImport({ collectionId, password, fileHash, key }: Request) {
    const collection = named?.find((entry) => entry.id === collectionId)?.name ?? "";
    setProgress({
      phase: "reading",
      label: needsPassword ? "Checking the password and decrypting the file…" : "Reading the file…",
    });
    const parsed = await parseFile(format, text, password);
    if (!parsed.result) {
      setProgress({ phase: "idle" });
      return setFormError(parsed.error);
    }
    const total = parsed.result.items.length;
    setProgress({ phase: "encrypting", done: 0, total });
    const encrypted = await encryptForImport(parsed.result.items, key, collectionId, (done) =>
      setProgress({ phase: "encrypting", done, total }),
    );
    const skipped = [...parsed.result.skipped, ...encrypted.skipped];
    let done = 0;
    setProgress({ phase: "uploading", done: 0, total: encrypted.items.length });
    for (const batch of toBatches(encrypted.items)) {
      const result = await upload.run({ organizationId, fileHash, items: batch });
      if (!result.ok) {
        setProgress({ phase: "idle" });
        if (done > 0) rememberImported(fileHash);
        return setOutcome({
          kind: "stopped",
          imported: done,
          total: encrypted.items.length,
          error: result.error,
          skipped,
          collection,
        });
      }
      done += result.imported;
      setProgress({ phase: "uploading", done, total: encrypted.items.length });
    }
    setProgress({ phase: "idle" });
    setOutcome({ kind: "done", imported: done, skipped, collection });
    if (done === 0) return;
    rememberImported(fileHash);
    setFileText(null);
    setPasted("");
    setFileInput((key) => key + 1);
  }

  /** The server recorded the file with its first batch; the page knows it too from now on. */
  function rememberImported(fileHash: string) {
    setImported((known) => new Map(known).set(fileHash, new Date().toISOString()));
  }

  if (collections.length === 0) {
    return (
      <Alert tone="info">
        This organization has no collections yet. Create one under Collections first: imported items go into a
        collection.
      </Alert>
    );
  }

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      {outcome ? <ImportSummary outcome={outcome} rowLabel={format.rowLabel} /> : null}
      <form
        onSubmit={onSubmit}
        noValidate
        className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      >
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <SelectField
          label="File format"
          name="format"
          value={formatId}
          onChange={(event) => setFormatId(event.currentTarget.value)}
          options={IMPORT_FORMATS.map((entry) => ({ value: entry.id, label: entry.label }))}
          disabled={busy}
        />
        <TextField
          key={fileInput}
          label="File to import"
          name="file"
          type="file"
          accept={format.extensions.join(",")}
          onChange={onFileChange}
          disabled={busy}
          error={fieldErrors.file}
          description="The file is read and encrypted in this browser; the server only receives encrypted items."
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={pasteId} className="text-sm font-medium text-slate-800">
            Or paste the file&apos;s contents
          </label>
          <textarea
            id={pasteId}
            name="pasted"
            rows={4}
            value={pasted}
            onChange={(event) => setPasted(event.currentTarget.value)}
            disabled={busy || fileText !== null}
            spellCheck={false}
            className="rounded-md border border-slate-300 px-3 py-2 font-mono text-xs shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50"
          />
        </div>
        <SelectField
          label="Collection"
          name="collectionId"
          defaultValue=""
          required
          disabled={busy || named === null}
          error={fieldErrors.collectionId}
          options={[
            { value: "", label: named === null ? "Decrypting collection names…" : "Choose a collection" },
            ...(named ?? []).map((entry) => ({ value: entry.id, label: entry.name })),
          ]}
        />
        {needsPassword ? (
          <PasswordField
            label="File password"
            name="password"
            autoComplete="off"
            required
            disabled={busy}
            error={fieldErrors.password}
            description="This file is a password-protected export: enter the password it was exported with."
          />
        ) : null}
        <ProgressView progress={progress} />
        <div>
          <Button type="submit" loading={busy}>
            Import data
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={again !== null}
        title="Import this file again?"
        message={
          again
            ? `This file was already imported on ${formatDate(again.importedAt)}. Importing it again adds all its items a second time.`
            : ""
        }
        confirmLabel="Import again"
        onCancel={() => setAgain(null)}
        onConfirm={() => {
          const request = again;
          setAgain(null);
          if (request) void runImport(request);
        }}
      />
    </div>
  );
}
