"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { type MemberFilterTab, MembersManager } from "@/components/members/members-manager";
import type { MemberView, RoleOption } from "@/components/members/types";
import {
  type CustomFlags,
  MemberAccessDialog,
  type MemberAccess,
} from "@/components/organization/member-access-dialog";
import { useDecryptedNames } from "@/components/organization/use-decrypted-names";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { MenuItem } from "@/components/ui/menu";
import { useToast } from "@/components/ui/toast";
import type { OrganizationDirectory } from "@/lib/dal/organization-directory";
import type { OrganizationRole } from "@/lib/enums";
import {
  confirmOrganizationMembersAction,
  inviteOrganizationMembersAction,
  removeOrganizationMembersAction,
  resendOrganizationInvitationAction,
  restoreOrganizationMembersAction,
  revokeOrganizationMembersAction,
  updateOrganizationMemberAction,
} from "./actions";

type Props = {
  organization: { id: string; name: string };
  members: MemberView[];
  filters: MemberFilterTab[];
  activeFilter: string;
  roles: OrganizationRole[];
  grantableFlags: CustomFlags | null;
  directory: OrganizationDirectory;
  currentUserId: string;
  basePath: string;
};

const ROLE_LABELS: Record<OrganizationRole, string> = {
  owner: "Owner",
  admin: "Admin",
  user: "User",
  custom: "Custom",
};

/** The organization's members: the shared members screen, plus access (role, groups, collections), revoke and restore. */
export function OrganizationMembers({
  organization,
  members,
  filters,
  activeFilter,
  roles,
  grantableFlags,
  directory,
  currentUserId,
  basePath,
}: Props) {
  const router = useRouter();
  const toast = useToast();
  const names = useDecryptedNames(organization.id, directory.collections);
  const [editing, setEditing] = useState<MemberView | null>(null);
  const [statusChange, setStatusChange] = useState<{ member: MemberView; restore: boolean } | null>(null);
  const revoke = useAction(revokeOrganizationMembersAction);
  const restore = useAction(restoreOrganizationMembersAction);

  const collectionOptions = directory.collections.map((collection) => ({
    id: collection.id,
    label: names?.get(collection.id) ?? "…",
  }));
  const groupOptions = directory.groups.map((group) => ({ id: group.id, label: group.name }));
  const roleOptions: RoleOption[] = roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

  function accessOf(member: MemberView): MemberAccess {
    const entry = directory.members.find((candidate) => candidate.id === member.id);
    return {
      type: member.type as OrganizationRole,
      permissions: entry?.permissions ?? null,
      collections: entry?.collections ?? [],
      groupIds: entry?.groupIds ?? [],
    };
  }

  function extraRowItems(member: MemberView): MenuItem[] {
    const items: MenuItem[] = [{ label: "Edit access", onSelect: () => setEditing(member) }];
    if (member.userId === currentUserId) return items;
    items.push(
      member.status === "revoked"
        ? { label: "Restore access", onSelect: () => setStatusChange({ member, restore: true }) }
        : { label: "Revoke access", tone: "danger", onSelect: () => setStatusChange({ member, restore: false }) },
    );
    return items;
  }

  async function changeStatus() {
    if (!statusChange) return;
    const input = { organizationId: organization.id, memberIds: [statusChange.member.id] };
    const result = statusChange.restore ? await restore.run(input) : await revoke.run(input);
    setStatusChange(null);
    if (!result.ok) return toast.show(result.error, "error");
    toast.show(
      statusChange.restore
        ? `${statusChange.member.email}'s access is restored.`
        : `${statusChange.member.email}'s access is revoked.`,
    );
  }

  return (
    <>
      <MembersManager
        tenant={{ kind: "organization", id: organization.id, name: organization.name }}
        members={members}
        filters={filters}
        activeFilter={activeFilter}
        roles={roleOptions}
        actions={{
          invite: inviteOrganizationMembersAction,
          confirm: confirmOrganizationMembersAction,
          remove: removeOrganizationMembersAction,
          resend: resendOrganizationInvitationAction,
        }}
        currentUserId={currentUserId}
        basePath={basePath}
        extraRowItems={extraRowItems}
        inviteDialog={({ open, onClose, onInvited }) =>
          open ? (
            <MemberAccessDialog
              mode="invite"
              title="Invite members"
              open
              onClose={onClose}
              roles={roles}
              grantableFlags={grantableFlags}
              initial={{ type: "user", permissions: null, collections: [], groupIds: [] }}
              collections={collectionOptions}
              groups={groupOptions}
              submit={(access) =>
                inviteOrganizationMembersAction({
                  organizationId: organization.id,
                  emails: access.emails ?? "",
                  ...access,
                })
              }
              onDone={() => onInvited(1)}
            />
          ) : null
        }
      />
      {editing ? (
        <MemberAccessDialog
          mode="edit"
          title={`Access of ${editing.email}`}
          open
          onClose={() => setEditing(null)}
          roles={roles}
          grantableFlags={grantableFlags}
          initial={accessOf(editing)}
          collections={collectionOptions}
          groups={groupOptions}
          submit={(access) =>
            updateOrganizationMemberAction({ organizationId: organization.id, memberId: editing.id, ...access })
          }
          onDone={() => {
            toast.show(`${editing.email}'s access was saved.`);
            setEditing(null);
            router.refresh();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={statusChange !== null}
        title={
          statusChange?.restore ? `Restore ${statusChange.member.email}?` : `Revoke ${statusChange?.member.email}?`
        }
        message={
          statusChange?.restore
            ? "They get their access back and take a seat again."
            : "They keep their place in the organization but lose access to its items and free their seat, until restored."
        }
        confirmLabel={statusChange?.restore ? "Restore access" : "Revoke access"}
        tone={statusChange?.restore ? "primary" : "danger"}
        busy={revoke.busy || restore.busy}
        onCancel={() => setStatusChange(null)}
        onConfirm={changeStatus}
      />
    </>
  );
}
