"use client";

import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import { PasswordGenerator } from "@/components/vault-tools/password-generator";
import { StrengthHint } from "@/components/vault-tools/strength-hint";
import type { VaultItem } from "@/lib/dal/items";
import { itemTooLargeProblem } from "@/lib/limits";
import { type EncryptedCipher, encryptCipher } from "@/lib/vault/cipher-crypto";
import { CIPHER_LIMITS, type CipherView } from "@/lib/vault/cipher-model";
import { type EditableField, editableFields, hiddenValueSources, storedFields } from "@/lib/vault/hidden-fields";
import { TYPE_LABELS } from "../filters";
import type { VaultContext } from "../vault-context";
import { CardFields } from "./card-fields";
import { CustomFields } from "./custom-fields";
import { Section, SelectInput, TextArea, TextInput } from "./field-controls";
import { IdentityFields } from "./identity-fields";
import { LoginFields } from "./login-fields";
import { type ItemOwner, OwnerFields } from "./owner-fields";
import { SshKeyFields } from "./ssh-key-fields";

/** Notes are capped in plain text so that, encrypted, they stay under the server's 10,000-character limit. */
export const NOTES_MAX_LENGTH = 7000;

type Props = {
  mode: "create" | "edit" | "clone";
  initial: CipherView;
  /** The stored item, when editing. */
  item?: VaultItem;
  context: VaultContext;
  onClose: () => void;
  onSaved: (cipherId: string) => void;
};

/** When a password changes, the old one joins the item's history (the newest five, as Bitwarden keeps). */
function withPasswordHistory(before: CipherView, after: CipherView): CipherView {
  const old = before.login?.password;
  if (!after.login || !old || old === after.login.password) return after;
  const now = new Date().toISOString();
  return {
    ...after,
    login: { ...after.login, passwordRevisionDate: now },
    passwordHistory: [{ password: old, lastUsedDate: now }, ...before.passwordHistory].slice(
      0,
      CIPHER_LIMITS.passwordHistory,
    ),
  };
}

/** The item as the form edits it: custom fields remember where they were in the item as served. */
type FormView = Omit<CipherView, "fields"> & { fields: EditableField[] };

/**
 * The item as the form starts: an edit keeps what the form does not show (passkeys, the apps' autofill choice), so
 * saving preserves them; a clone leaves passkeys behind, as Bitwarden does (a site knows a passkey by one item).
 */
function formView(mode: Props["mode"], initial: CipherView): FormView {
  if (mode === "edit") return { ...initial, fields: editableFields(initial.fields) };
  if (mode !== "clone") return initial;
  const login = initial.login ? { ...initial.login, fido2Credentials: [] } : null;
  return { ...initial, name: `${initial.name} - Clone`, login };
}

export function ItemForm({ mode, initial, item, context, onClose, onSaved }: Props) {
  const { userKey, keys } = useKeyring();
  const [view, setView] = useState<FormView>(() => formView(mode, initial));
  const [owner, setOwner] = useState<ItemOwner>(
    context.personalAllowed || context.organizations.length === 0
      ? { kind: "me" }
      : { kind: "organization", organizationId: context.organizations[0]!.id, collectionIds: [] },
  );
  const [folderId, setFolderId] = useState<string | null>(item?.folderId ?? null);
  const [favorite, setFavorite] = useState(item?.favorite ?? false);
  const [generating, setGenerating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [encrypting, setEncrypting] = useState(false);
  const create = useAction(context.actions.createItem, { success: () => `${view.name.trim()} added.` });
  const update = useAction(context.actions.updateItem, { success: () => `${view.name.trim()} saved.` });
  const busy = encrypting || create.busy || update.busy;
  const error = problem ?? create.error ?? update.error;
  const canSeePassword = item?.permissions.viewPassword ?? true;
  const set = (change: Partial<FormView>) => setView({ ...view, ...change });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!view.name.trim()) return setProblem("Enter a name.");
    if ((view.notes?.length ?? 0) > NOTES_MAX_LENGTH)
      return setProblem(`Notes can be at most ${NOTES_MAX_LENGTH.toLocaleString("en")} characters.`);
    if (mode !== "edit" && owner.kind === "organization" && owner.collectionIds.length === 0)
      return setProblem("Choose at least one collection.");
    setProblem(null);
    const edited: CipherView = { ...view, fields: storedFields(view.fields) };
    const final = mode === "edit" ? withPasswordHistory(initial, edited) : edited;
    const organizationId =
      mode === "edit" ? item!.organizationId : owner.kind === "organization" ? owner.organizationId : null;
    // Encrypted before the action runs, so that its size can be checked first (see tooLarge).
    setEncrypting(true);
    let cipher: EncryptedCipher;
    try {
      const ownerKey = organizationId ? await keys.organizationKey(organizationId) : userKey;
      // An item an official app gave its own key keeps it (a clone is a new item, under the owning key).
      const keep = mode === "edit" && item?.key ? { itemKey: item.key, wrappedWith: ownerKey } : undefined;
      // An edit keeps the owning key, so what an app stored that the form does not know is written back as it was.
      cipher = await encryptCipher({ ...final, name: final.name.trim() }, ownerKey, keep, {
        sameOwnerKey: mode === "edit",
      });
    } catch {
      return setProblem("The item could not be encrypted, and nothing was saved. Reload the page and try again.");
    } finally {
      setEncrypting(false);
    }
    if (mode === "edit") {
      const input = {
        cipherId: item!.id,
        cipher,
        folderId,
        favorite,
        hiddenValueSources: hiddenValueSources(view.fields, item!.data.fields),
      };
      if (tooLarge(input)) return;
      const result = await update.run(input);
      if (result.ok) onSaved(item!.id);
      return;
    }
    const input =
      owner.kind === "me"
        ? { owner: "me" as const, cipher, folderId, favorite }
        : {
            owner: "organization" as const,
            organizationId: owner.organizationId,
            collectionIds: owner.collectionIds,
            cipher,
            folderId,
            favorite,
          };
    if (tooLarge(input)) return;
    const result = await create.run(input);
    if (result.ok) onSaved(result.cipherId);
  }

  /**
   * An item the server's schema accepts can still be larger than an action request may be; Next.js would refuse it
   * unread and the form could only say the server was unreachable. Say what is wrong instead.
   */
  function tooLarge(input: object): boolean {
    const problem = itemTooLargeProblem([input]);
    if (problem) setProblem(problem);
    return problem !== null;
  }

  const title =
    mode === "edit"
      ? `Edit ${initial.name}`
      : mode === "clone"
        ? `Clone ${initial.name}`
        : `New ${TYPE_LABELS[view.type].toLowerCase()}`;
  return (
    <Dialog open onClose={onClose} busy={busy} title={title} size="xl">
      <form onSubmit={onSubmit} noValidate className="flex max-h-[75vh] flex-col gap-4 overflow-y-auto pr-1">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <TextInput label="Name" value={view.name} onChange={(name) => set({ name: name ?? "" })} initialFocus />
        {mode !== "edit" ? <OwnerFields owner={owner} onChange={setOwner} context={context} /> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectInput
            label="Folder"
            value={folderId ?? ""}
            onChange={(value) => setFolderId(value || null)}
            options={[
              { value: "", label: "No folder" },
              ...context.folders.map((folder) => ({ value: folder.id, label: folder.name })),
            ]}
          />
          <div className="flex flex-col justify-end gap-2 pb-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={favorite} onChange={(event) => setFavorite(event.target.checked)} />{" "}
              Favorite
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={view.reprompt === 1}
                onChange={(event) => set({ reprompt: event.target.checked ? 1 : 0 })}
              />{" "}
              Master password re-prompt
            </label>
          </div>
        </div>
        {view.login ? (
          <LoginFields
            login={view.login}
            onChange={(login) => set({ login })}
            canSeePassword={canSeePassword}
            passwordTools={
              <div className="flex flex-col gap-2">
                {view.login.password ? (
                  <StrengthHint password={view.login.password} userInputs={[view.name, view.login.username ?? ""]} />
                ) : null}
                <div>
                  <Button variant="secondary" onClick={() => setGenerating(!generating)} aria-expanded={generating}>
                    {generating ? "Close generator" : "Generate password"}
                  </Button>
                </div>
                {generating ? (
                  <div className="rounded-md border border-slate-200 p-3">
                    <PasswordGenerator
                      rules={context.generatorRules}
                      onUse={(password) => {
                        set({ login: { ...view.login!, password } });
                        setGenerating(false);
                      }}
                    />
                  </div>
                ) : null}
              </div>
            }
          />
        ) : null}
        {view.card ? <CardFields card={view.card} onChange={(card) => set({ card })} /> : null}
        {view.identity ? <IdentityFields identity={view.identity} onChange={(identity) => set({ identity })} /> : null}
        {view.sshKey ? <SshKeyFields sshKey={view.sshKey} onChange={(sshKey) => set({ sshKey })} /> : null}
        <Section title="Notes">
          <TextArea
            label="Notes"
            value={view.notes}
            onChange={(notes) => set({ notes })}
            maxLength={NOTES_MAX_LENGTH}
          />
        </Section>
        <CustomFields fields={view.fields} onChange={(fields) => set({ fields })} canSeeHidden={canSeePassword} />
        <DialogFormActions onCancel={onClose} busy={busy} />
      </form>
    </Dialog>
  );
}
