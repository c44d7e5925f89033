"use client";

import { FingerprintPhrase } from "@/components/account/fingerprint-phrase";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { type EncString, type SymmetricKey, wrapSymmetricKeyForPublicKey } from "@/lib/crypto";
import type { KeyChain } from "@/lib/browser/keyring/keys";
import type { ActionOutcome, MemberView, TenantRef } from "./types";

/** Members of one tenant, confirmed with one call: a dialog may confirm several tenants' (a provider's clients). */
export type ConfirmBatch = { tenant: TenantRef; members: MemberView[] };

type Confirmations = { confirmations: { id: string; key: EncString }[] };

type Props = {
  open: boolean;
  onClose: () => void;
  batches: ConfirmBatch[];
  confirm: (tenant: TenantRef, input: Confirmations) => Promise<ActionOutcome>;
  onConfirmed: (count: number) => void;
};

function tenantKey(keys: KeyChain, tenant: TenantRef): Promise<SymmetricKey> {
  return tenant.kind === "provider" ? keys.providerKey(tenant.id) : keys.organizationKey(tenant.id);
}

/**
 * Confirming hands members the tenant key (DESIGN §4): this browser wraps it to each member's public key. The
 * fingerprint phrase of each key is shown first, so the admin can compare it with the member over another channel.
 * Tenants are confirmed one after the other; a refusal stops there and says how many were confirmed before it.
 */
export function ConfirmMembersDialog({ open, onClose, batches, confirm, onConfirmed }: Props) {
  const { keys } = useKeyring();
  const members = batches.flatMap((batch) => batch.members.map((member) => ({ member, tenant: batch.tenant })));
  const several = batches.length > 1;

  async function confirmBatches(toConfirm: ConfirmBatch[]): Promise<ActionOutcome> {
    let confirmed = 0;
    for (const batch of toConfirm) {
      const key = await tenantKey(keys, batch.tenant);
      const confirmations = await Promise.all(
        batch.members.map(async (member) => ({
          id: member.id,
          key: await wrapSymmetricKeyForPublicKey(key, member.publicKey!),
        })),
      );
      const result = await confirm(batch.tenant, { confirmations });
      if (!result.ok) {
        const before = confirmed > 0 ? `${confirmed} confirmed, then ${batch.tenant.name}: ` : "";
        return { ...result, error: `${before}${result.error}` };
      }
      confirmed += batch.members.length;
    }
    return { ok: true };
  }

  const { run, busy, error } = useAction(confirmBatches, { refresh: false });

  async function confirmAll() {
    const result = await run(batches);
    if (result.ok) onConfirmed(members.length);
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      busy={busy}
      title={members.length === 1 ? `Confirm ${members[0]!.member.email}` : `Confirm ${members.length} members`}
      description="Make sure each fingerprint phrase matches the one the member sees in their account settings."
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul className="flex max-h-80 flex-col gap-3 overflow-y-auto">
        {members.map(({ member, tenant }) => (
          <li key={member.id} className="rounded-md border border-slate-200 px-3 py-2">
            <p className="text-sm font-medium">{member.name ? `${member.name} (${member.email})` : member.email}</p>
            {several ? <p className="text-xs text-slate-600">{tenant.name}</p> : null}
            <p className="mt-1 text-xs text-slate-600">Fingerprint phrase</p>
            <FingerprintPhrase material={member.userId!} publicKey={member.publicKey!} />
          </li>
        ))}
      </ul>
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button onClick={confirmAll} loading={busy} data-autofocus>
          Confirm
        </Button>
      </DialogActions>
    </Dialog>
  );
}
