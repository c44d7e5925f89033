"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { confirmOrganizationMembersAction } from "@/app/(console)/organizations/[organizationId]/members/actions";
import { type ConfirmBatch, ConfirmMembersDialog } from "@/components/members/confirm-dialog";
import { Button } from "@/components/ui/button";
import { RowHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { counted } from "@/lib/counted";
import type { MemberToConfirm } from "@/lib/dal/provider-dashboard";

/** The members list as batches of one client each, in the list's order (by client). */
function batchesOf(members: MemberToConfirm[]): ConfirmBatch[] {
  const batches = new Map<string, ConfirmBatch>();
  for (const member of members) {
    const tenant = { kind: "organization" as const, id: member.organizationId, name: member.organizationName };
    const batch = batches.get(tenant.id) ?? { tenant, members: [] };
    batch.members.push({ ...member, type: "user", status: "accepted" });
    batches.set(tenant.id, batch);
  }
  return [...batches.values()];
}

/**
 * Members who accepted an invitation to one of the caller's clients and wait for confirmation: one button confirms them
 * all, each client's organization key wrapped in this browser to each member's public key after the fingerprint
 * phrases are shown (the console's confirmation, client by client).
 */
export function MembersToConfirm({ members, more }: { members: MemberToConfirm[]; more: boolean }) {
  const [open, setOpen] = useState(false);

  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="confirm" className="text-lg font-semibold">
          Awaiting confirmation
        </h2>
        <Button onClick={() => setOpen(true)}>Confirm {counted(members.length, "member")}</Button>
      </div>
      <Table caption="Members awaiting confirmation">
        <THead>
          <TH>Member</TH>
          <TH>Client</TH>
        </THead>
        <TBody>
          {members.map((member) => (
            <TR key={member.id}>
              <RowHeader>
                <span className="block">{member.name}</span>
                <span className="block text-xs font-normal text-slate-600">{member.email}</span>
              </RowHeader>
              <TD>{member.organizationName}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {more ? (
        <p className="mt-2 text-sm text-slate-600">More members wait: confirm these, and the next ones follow.</p>
      ) : null}
      {open ? <ConfirmAll members={members} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** The dialog, mounted only while open (the card itself renders on the server without the router or the toasts). */
function ConfirmAll({ members, onClose }: { members: MemberToConfirm[]; onClose: () => void }) {
  const router = useRouter();
  const toast = useToast();
  return (
    <ConfirmMembersDialog
      open
      onClose={onClose}
      batches={batchesOf(members)}
      confirm={(tenant, input) => confirmOrganizationMembersAction({ organizationId: tenant.id, ...input })}
      onConfirmed={(count) => {
        onClose();
        toast.show(count === 1 ? `${members[0]!.email} is confirmed.` : `${count} members are confirmed.`);
        router.refresh();
      }}
    />
  );
}
