"use client";

import { Plus } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { SeatsField } from "@/components/forms/seats-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogFormActions } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Menu } from "@/components/ui/menu";
import { IndeterminateProgress } from "@/components/ui/progress";
import { SelectField } from "@/components/ui/select-field";
import { useToast } from "@/components/ui/toast";
import { createOrganizationKeys, encryptString, wrapSymmetricKey } from "@/lib/crypto";
import type { OrganizationPlan, ProviderPlan } from "@/lib/enums";
import { planLabel } from "@/lib/plans";
import { addExistingClientAction, createClientAction, listAddableOrganizationsAction } from "./actions";
import { seatsValue } from "@/lib/forms";

type Addable = { id: string; name: string; planType: OrganizationPlan; seats: number };
export type PendingClientView = { id: string; name: string; ownerEmail: string; planType: ProviderPlan; seats: number };
type Props = { providerId: string; disabled: boolean; suggestedName?: string | null };

export function AddClientMenu({ providerId, disabled, suggestedName }: Props) {
  const [dialog, setDialog] = useState<"new" | "existing" | null>(null);
  if (disabled) {
    return (
      <Button disabled title="This provider is disabled">
        Add
      </Button>
    );
  }
  return (
    <>
      <Menu
        label="Add"
        icon={Plus}
        variant="primary"
        items={[
          { label: "New client", onSelect: () => setDialog("new") },
          { label: "Existing organization", onSelect: () => setDialog("existing") },
        ]}
      />
      <NewClientDialog
        open={dialog === "new"}
        onClose={() => setDialog(null)}
        providerId={providerId}
        suggestedName={suggestedName ?? ""}
      />
      <ExistingOrganizationDialog
        open={dialog === "existing"}
        onClose={() => setDialog(null)}
        providerId={providerId}
      />
    </>
  );
}

const PLAN_OPTIONS: { value: ProviderPlan; label: string }[] = [
  { value: "enterprise_monthly", label: "Enterprise" },
  { value: "teams_monthly", label: "Teams" },
];

/**
 * The browser makes the new organization's key and key pair, encrypts the default collection's name with it and
 * wraps the key with the provider key: the server receives only ciphertext.
 */
export function NewClientDialog({
  open,
  onClose,
  providerId,
  suggestedName,
  pending,
}: {
  open: boolean;
  onClose: () => void;
  providerId: string;
  suggestedName: string;
  /** A client asked for through the API, whose details fill the form and which this creation sets up. */
  pending?: PendingClientView;
}) {
  const { keys } = useKeyring();
  const create = useAction(createClientAction);
  const toast = useToast();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "");
    const result = await create.run(async () => {
      const providerKey = await keys.providerKey(providerId);
      const { organizationKey, publicKey, privateKey } = await createOrganizationKeys();
      return {
        providerId,
        name,
        ownerEmail: String(form.get("ownerEmail") ?? ""),
        planType: String(form.get("planType")) as ProviderPlan,
        seats: seatsValue(form.get("seats")),
        publicKey,
        privateKey,
        collectionName: await encryptString("Default collection", organizationKey),
        key: await wrapSymmetricKey(organizationKey, providerKey),
        ...(pending ? { pendingClientId: pending.id } : {}),
      };
    });
    if (!result.ok) return;
    keys.refresh();
    toast.show(`${name.trim()} was created and its owner invited.`);
    onClose();
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      busy={create.busy}
      title={pending ? `Set up ${pending.name}` : "New client"}
      description="The client's owner gets an invitation by mail."
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {create.error ? <Alert tone="error">{create.error}</Alert> : null}
        <TextField
          label="Organization name"
          name="name"
          required
          defaultValue={pending?.name ?? suggestedName}
          error={create.fieldErrors.name}
          data-autofocus
        />
        <TextField
          label="Client owner email"
          name="ownerEmail"
          type="email"
          required
          defaultValue={pending?.ownerEmail}
          error={create.fieldErrors.ownerEmail}
        />
        <SelectField
          label="Plan"
          name="planType"
          options={PLAN_OPTIONS}
          defaultValue={pending?.planType ?? "enterprise_monthly"}
          error={create.fieldErrors.planType}
        />
        <SeatsField required defaultValue={pending?.seats ?? 1} error={create.fieldErrors.seats} />
        {create.busy ? <IndeterminateProgress label="Creating the organization's encryption keys…" /> : null}
        <DialogFormActions onCancel={onClose} busy={create.busy} submitLabel="Create client" />
      </form>
    </Dialog>
  );
}

type AddableList = { organizations: Addable[] } | { error: string } | null;

/** The organizations the admin could add, read each time the dialog opens; null while that read runs. */
function useAddableOrganizations(open: boolean, providerId: string): AddableList {
  const [list, setList] = useState<{ providerId: string; result: AddableList } | null>(null);
  useEffect(() => {
    if (!open) return;
    let current = true;
    listAddableOrganizationsAction({ providerId }).then(
      (result) => {
        if (current) setList({ providerId, result: result.ok ? { organizations: result.organizations } : result });
      },
      () => {
        if (current) setList({ providerId, result: { error: UNREACHABLE } });
      },
    );
    return () => {
      current = false;
      setList(null);
    };
  }, [open, providerId]);
  return open && list?.providerId === providerId ? list.result : null;
}

const UNREACHABLE = "Your organizations could not be read: the server could not be reached. Close and try again.";

/**
 * Links an organization the admin owns: their browser wraps its key (from their membership) with the provider key.
 * Adding one puts its seats on the provider's bill and its administration in the provider's hands, so the admin
 * confirms that first, seeing what will be billed.
 */
function ExistingOrganizationDialog({
  open,
  onClose,
  providerId,
}: {
  open: boolean;
  onClose: () => void;
  providerId: string;
}) {
  const { keys } = useKeyring();
  const [chosen, setChosen] = useState<Addable | null>(null);
  const addable = useAddableOrganizations(open, providerId);
  const addExisting = useAction(addExistingClientAction, { success: () => "The organization is now a client." });

  async function add(organization: Addable) {
    const result = await addExisting.run(async () => ({
      providerId,
      organizationId: organization.id,
      key: await wrapSymmetricKey(await keys.organizationKey(organization.id), await keys.providerKey(providerId)),
    }));
    if (!result.ok) return;
    setChosen(null);
    keys.refresh();
    onClose();
  }
  function close() {
    setChosen(null);
    onClose();
  }
  const error = addExisting.error;

  if (chosen) {
    return (
      <Dialog open={open} onClose={close} busy={addExisting.busy} title={`Add ${chosen.name} as a client?`}>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex flex-col gap-3 text-sm text-slate-700">
          <p>
            Your provider will be billed for its <strong>{chosen.seats} seats</strong> on the{" "}
            {planLabel(chosen.planType)} plan, and its billing email becomes the provider&apos;s.
          </p>
          <p>
            Every member of your provider, service users included, will administer it as an owner. Its own members keep
            their access.
          </p>
          <p>
            Do not add your provider&apos;s own organization: mark it as internal in the provider&apos;s settings
            instead.
          </p>
        </div>
        <DialogActions>
          <Button variant="secondary" onClick={() => setChosen(null)} disabled={addExisting.busy}>
            Back
          </Button>
          <Button loading={addExisting.busy} onClick={() => add(chosen)}>
            Add and bill {chosen.seats} seats
          </Button>
        </DialogActions>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Add existing organization"
      description="Teams and Enterprise organizations you own that no provider manages yet and that are not a provider's internal organization."
    >
      {addable === null ? (
        <IndeterminateProgress label="Finding the organizations you own…" />
      ) : "error" in addable ? (
        <Alert tone="error">{addable.error}</Alert>
      ) : addable.organizations.length === 0 ? (
        <p className="text-sm text-slate-600">You own no organization that can be added.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200">
          {addable.organizations.map((organization) => (
            <li key={organization.id} className="flex items-center justify-between gap-3 px-3 py-2">
              <span>
                <span className="font-medium">{organization.name}</span>
                <span className="ml-2 text-sm text-slate-600">
                  {planLabel(organization.planType)} · {organization.seats} seats
                </span>
              </span>
              <Button
                variant="secondary"
                onClick={() => setChosen(organization)}
                aria-label={`Add ${organization.name}`}
              >
                Add
              </Button>
            </li>
          ))}
        </ul>
      )}
      <DialogActions>
        <Button variant="secondary" onClick={close}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
