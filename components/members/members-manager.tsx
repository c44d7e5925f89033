"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog, Dialog, DialogFormActions } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Menu, type MenuItem } from "@/components/ui/menu";
import { SelectField } from "@/components/ui/select-field";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useAction } from "@/components/forms/use-action";
import { ConfirmMembersDialog } from "./confirm-dialog";
import { InviteDialog } from "./invite-dialog";
import { StatusBadge } from "./status-badge";
import {
  bindTenant,
  type MemberActions,
  type MemberView,
  type RoleOption,
  type TenantMemberActions,
  type TenantRef,
} from "./types";

export type MemberFilterTab = { value: string; label: string; count: number };

type Props = {
  tenant: TenantRef;
  members: MemberView[];
  filters: MemberFilterTab[];
  activeFilter: string;
  roles: RoleOption[];
  actions: TenantMemberActions;
  currentUserId: string;
  basePath: string;
  /** Replaces the plain invite dialog (organizations also choose access when inviting). */
  inviteDialog?: (props: { open: boolean; onClose: () => void; onInvited: (count: number) => void }) => ReactNode;
  /** More options per row (organizations: edit access, revoke, restore). */
  extraRowItems?: (member: MemberView) => MenuItem[];
  /** One more column after Role (providers: which clients a member reaches). */
  extraColumn?: { header: string; cell: (member: MemberView) => ReactNode };
};

type Pending =
  | { kind: "invite" }
  | { kind: "confirm"; members: MemberView[] }
  | { kind: "remove"; members: MemberView[] }
  | { kind: "role"; member: MemberView }
  | null;

/**
 * The members screen shared by the Provider Portal and the Admin Console: filters, invite, confirm with
 * fingerprints, resend, role change, remove, and the same for a selection.
 */
export function MembersManager({
  tenant,
  members,
  filters,
  activeFilter,
  roles,
  actions: unbound,
  currentUserId,
  basePath,
  inviteDialog,
  extraRowItems,
  extraColumn,
}: Props) {
  const router = useRouter();
  const actions = useMemo(() => bindTenant(unbound, tenant), [unbound, tenant]);
  const toast = useToast();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<Pending>(null);
  const removal = useAction(actions.remove, { refresh: false });
  const roleLabel = (type: string) => roles.find((role) => role.value === type)?.label ?? type;
  const selectedMembers = members.filter((member) => selected.has(member.id));
  const confirmable = selectedMembers.filter(
    (member) => member.status === "accepted" && member.publicKey && member.userId,
  );

  function done(message: string) {
    toast.show(message);
    setPending(null);
    setSelected(new Set());
    router.refresh();
  }

  const invited = (count: number) => done(count === 1 ? "Invitation sent." : `${count} invitations sent.`);

  async function resend(member: MemberView) {
    const result = await actions.resend({ memberId: member.id });
    if (result.ok) toast.show(`Invitation sent again to ${member.email}.`);
    else toast.show(result.error, "error");
  }

  async function remove(targets: MemberView[]) {
    const result = await removal.run({ memberIds: targets.map((member) => member.id) });
    if (!result.ok) {
      setPending(null);
      return toast.show(result.error, "error");
    }
    done(targets.length === 1 ? `${targets[0]!.email} was removed.` : `${targets.length} members were removed.`);
  }

  function rowItems(member: MemberView): MenuItem[] {
    const items: MenuItem[] = [];
    if (member.status === "invited") items.push({ label: "Resend invitation", onSelect: () => resend(member) });
    if (member.status === "accepted" && member.publicKey)
      items.push({ label: "Confirm", onSelect: () => setPending({ kind: "confirm", members: [member] }) });
    if (actions.updateRole && member.userId !== currentUserId)
      items.push({ label: "Change role", onSelect: () => setPending({ kind: "role", member }) });
    if (extraRowItems) items.push(...extraRowItems(member));
    if (member.userId !== currentUserId)
      items.push({
        label: "Remove",
        tone: "danger",
        onSelect: () => setPending({ kind: "remove", members: [member] }),
      });
    return items;
  }

  const allSelected = members.length > 0 && members.every((member) => selected.has(member.id));

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Filter members" className="flex flex-wrap gap-2">
          {filters.map((filter) => (
            <Link
              key={filter.value}
              href={`${basePath}?filter=${filter.value}`}
              aria-current={filter.value === activeFilter ? "page" : undefined}
              className={cn(
                "rounded-full px-3 py-1 text-sm whitespace-nowrap",
                filter.value === activeFilter
                  ? "bg-brand-600 text-on-accent"
                  : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50",
              )}
            >
              {filter.label} <span className="opacity-80">{filter.count}</span>
            </Link>
          ))}
        </nav>
        <div className="flex flex-wrap gap-2">
          {selected.size > 0 ? (
            <>
              <Button
                variant="secondary"
                disabled={confirmable.length === 0}
                onClick={() => setPending({ kind: "confirm", members: confirmable })}
              >
                Confirm selected
              </Button>
              <Button
                variant="secondary"
                disabled={selectedMembers.some((member) => member.userId === currentUserId)}
                onClick={() => setPending({ kind: "remove", members: selectedMembers })}
              >
                Remove selected
              </Button>
            </>
          ) : null}
          <Button onClick={() => setPending({ kind: "invite" })}>Invite member</Button>
        </div>
      </div>

      {members.length === 0 ? (
        <EmptyState title="No members here." />
      ) : (
        <Table caption={`Members of ${tenant.name}`}>
          <THead>
            <TH className="w-10">
              <input
                type="checkbox"
                aria-label="Select all members"
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(members.map((member) => member.id)))}
              />
            </TH>
            <TH>Member</TH>
            <TH>Role</TH>
            {extraColumn ? <TH>{extraColumn.header}</TH> : null}
            <TH>Status</TH>
            <TH align="right">
              <span className="sr-only">Options</span>
            </TH>
          </THead>
          <TBody>
            {members.map((member) => (
              <TR key={member.id}>
                <TD>
                  <input
                    type="checkbox"
                    aria-label={`Select ${member.email}`}
                    checked={selected.has(member.id)}
                    onChange={() =>
                      setSelected((current) => {
                        const next = new Set(current);
                        if (next.has(member.id)) next.delete(member.id);
                        else next.add(member.id);
                        return next;
                      })
                    }
                  />
                </TD>
                <RowHeader>
                  <span className="block">{member.name ?? member.email}</span>
                  {member.name ? (
                    <span className="block text-xs font-normal text-slate-600">{member.email}</span>
                  ) : null}
                </RowHeader>
                <TD>{roleLabel(member.type)}</TD>
                {extraColumn ? <TD>{extraColumn.cell(member)}</TD> : null}
                <TD>
                  <StatusBadge status={member.status} />
                </TD>
                <TD align="right">
                  <Menu
                    label="Options"
                    accessibleLabel={`Options for ${member.email}`}
                    items={rowItems(member)}
                    variant="ghost"
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}

      {inviteDialog ? (
        inviteDialog({
          open: pending?.kind === "invite",
          onClose: () => setPending(null),
          onInvited: invited,
        })
      ) : (
        <InviteDialog
          open={pending?.kind === "invite"}
          onClose={() => setPending(null)}
          tenant={tenant}
          roles={roles}
          invite={(input) => actions.invite(input)}
          onInvited={invited}
        />
      )}
      {pending?.kind === "confirm" ? (
        <ConfirmMembersDialog
          open
          onClose={() => setPending(null)}
          batches={[{ tenant, members: pending.members }]}
          confirm={(_, input) => actions.confirm(input)}
          onConfirmed={(count) =>
            done(count === 1 ? `${pending.members[0]!.email} is confirmed.` : `${count} members are confirmed.`)
          }
        />
      ) : null}
      <ConfirmDialog
        open={pending?.kind === "remove"}
        title={
          pending?.kind === "remove" && pending.members.length === 1
            ? `Remove ${pending.members[0]!.email}?`
            : "Remove the selected members?"
        }
        message={`They lose access to ${tenant.name}. Pending invitations stop working.`}
        confirmLabel="Remove"
        tone="danger"
        busy={removal.busy}
        onCancel={() => setPending(null)}
        onConfirm={() => pending?.kind === "remove" && remove(pending.members)}
      />
      {pending?.kind === "role" && actions.updateRole ? (
        <RoleDialog
          member={pending.member}
          roles={roles}
          onClose={() => setPending(null)}
          updateRole={actions.updateRole}
          onDone={done}
        />
      ) : null}
    </>
  );
}

function RoleDialog({
  member,
  roles,
  onClose,
  updateRole,
  onDone,
}: {
  member: MemberView;
  roles: RoleOption[];
  onClose: () => void;
  updateRole: NonNullable<MemberActions["updateRole"]>;
  onDone: (message: string) => void;
}) {
  const { run, busy, error } = useAction(updateRole, { refresh: false });
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((await run({ memberId: member.id, type: String(new FormData(event.currentTarget).get("type")) })).ok)
      onDone(`${member.email}'s role was changed.`);
  }
  return (
    <Dialog open onClose={onClose} busy={busy} title={`Change ${member.email}'s role`}>
      <form onSubmit={onSubmit} className="flex flex-col gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <SelectField label="Role" name="type" options={roles} defaultValue={member.type} data-autofocus />
        <DialogFormActions onCancel={onClose} busy={busy} />
      </form>
    </Dialog>
  );
}
