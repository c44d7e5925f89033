"use client";

import { type FormEvent, useId, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Dialog, DialogFormActions } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/authz/action";
import type { OrganizationRole } from "@/lib/enums";
import { MAX_INVITES_AT_ONCE } from "@/lib/validation/members";
import { AccessEditor, type AccessEntry, type AccessOption } from "./access-editor";

export type CustomFlags = Record<(typeof CUSTOM_FLAGS)[number]["key"], boolean>;

/** The Custom role's flags, in the order Bitwarden lists them. */
export const CUSTOM_FLAGS = [
  { key: "manageUsers", label: "Manage members" },
  { key: "manageGroups", label: "Manage groups" },
  { key: "managePolicies", label: "Manage policies" },
  { key: "accessEventLogs", label: "Access event logs" },
  { key: "accessReports", label: "Access reports" },
  { key: "accessImportExport", label: "Import and export" },
  { key: "createNewCollections", label: "Create collections" },
  { key: "editAnyCollection", label: "Edit any collection" },
  { key: "deleteAnyCollection", label: "Delete any collection" },
] as const;

const ROLE_TEXT: Record<OrganizationRole, { label: string; hint: string }> = {
  owner: { label: "Owner", hint: "Everything, including billing and deleting the organization." },
  admin: { label: "Admin", hint: "Manages members, groups, collections, policies and all items." },
  user: { label: "User", hint: "Uses the items of the collections they are given." },
  custom: { label: "Custom", hint: "A user with the administrative rights you choose." },
};

export type MemberAccess = {
  type: OrganizationRole;
  permissions: CustomFlags | null;
  collections: { collectionId: string; level: AccessEntry["level"] }[];
  groupIds: string[];
};

type Props = {
  mode: "invite" | "edit";
  title: string;
  open: boolean;
  onClose: () => void;
  roles: OrganizationRole[];
  /** The flags the caller holds and so may give; null when they may give every flag. */
  grantableFlags: CustomFlags | null;
  initial: MemberAccess;
  collections: AccessOption[];
  groups: AccessOption[];
  submit: (access: MemberAccess & { emails?: string }) => Promise<ActionResult>;
  onDone: () => void;
};

function noFlags(): CustomFlags {
  return Object.fromEntries(CUSTOM_FLAGS.map((flag) => [flag.key, false])) as CustomFlags;
}

export function MemberAccessDialog({
  mode,
  title,
  open,
  onClose,
  roles,
  grantableFlags,
  initial,
  collections,
  groups,
  submit,
  onDone,
}: Props) {
  const ids = useId();
  const [type, setType] = useState<OrganizationRole>(initial.type);
  const [flags, setFlags] = useState<CustomFlags>(initial.permissions ?? noFlags());
  const [grants, setGrants] = useState<AccessEntry[]>(
    initial.collections.map((grant) => ({ id: grant.collectionId, level: grant.level })),
  );
  const [groupIds, setGroupIds] = useState<string[]>(initial.groupIds);
  const save = useAction(submit, { refresh: false });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const emails = mode === "invite" ? String(new FormData(event.currentTarget).get("emails") ?? "") : undefined;
    const result = await save.run({
      emails,
      type,
      permissions: type === "custom" ? flags : null,
      collections: grants.map((grant) => ({ collectionId: grant.id, level: grant.level })),
      groupIds,
    });
    if (result.ok) onDone();
  }

  return (
    <Dialog open={open} onClose={onClose} busy={save.busy} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {save.error ? <Alert tone="error">{save.error}</Alert> : null}
        {mode === "invite" ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${ids}-emails`} className="text-sm font-medium text-slate-800">
              Email addresses
            </label>
            <textarea
              id={`${ids}-emails`}
              name="emails"
              rows={3}
              data-autofocus
              aria-describedby={`${ids}-emails-hint`}
              aria-invalid={save.fieldErrors.emails ? true : undefined}
              className="rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
            />
            <p id={`${ids}-emails-hint`} className="text-xs text-slate-600">
              Up to {MAX_INVITES_AT_ONCE}, separated by commas or new lines.
            </p>
            {save.fieldErrors.emails ? <p className="text-sm text-red-700">{save.fieldErrors.emails}</p> : null}
          </div>
        ) : null}

        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">Role</legend>
          {roles.map((role) => (
            <label key={role} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="role"
                value={role}
                checked={type === role}
                onChange={() => setType(role)}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{ROLE_TEXT[role].label}</span>
                <span className="block text-xs text-slate-600">{ROLE_TEXT[role].hint}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {type === "custom" ? (
          <fieldset className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
            <legend className="px-1 text-sm font-medium text-slate-800">Custom permissions</legend>
            {CUSTOM_FLAGS.map((flag) => (
              <label key={flag.key} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={flags[flag.key]}
                  // A flag the caller does not hold cannot be given (the grant rule); one already given can be taken away.
                  disabled={grantableFlags !== null && !grantableFlags[flag.key] && !flags[flag.key]}
                  onChange={(event) => setFlags({ ...flags, [flag.key]: event.target.checked })}
                />
                {flag.label}
              </label>
            ))}
          </fieldset>
        ) : null}

        {groups.length > 0 ? (
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-sm font-medium text-slate-800">Groups</legend>
            {groups.map((group) => (
              <label key={group.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={groupIds.includes(group.id)}
                  onChange={(event) =>
                    setGroupIds(
                      event.target.checked ? [...groupIds, group.id] : groupIds.filter((id) => id !== group.id),
                    )
                  }
                />
                {group.label}
              </label>
            ))}
          </fieldset>
        ) : null}

        {type === "owner" || type === "admin" ? (
          <p className="text-sm text-slate-600">Owners and admins reach every collection.</p>
        ) : (
          <AccessEditor
            legend="Collections"
            options={collections}
            value={grants}
            onChange={setGrants}
            noneChosenText="None chosen yet."
            noOptionsText="This organization has no collections yet."
          />
        )}

        <DialogFormActions onCancel={onClose} busy={save.busy} submitLabel={mode === "invite" ? "Invite" : "Save"} />
      </form>
    </Dialog>
  );
}
