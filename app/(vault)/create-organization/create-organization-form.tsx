"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { NameAndBillingEmailFields } from "@/components/forms/name-and-billing-email-form";
import { useAction } from "@/components/forms/use-action";
import { useKeyring } from "@/components/keyring/keyring-provider";
import { SeatsField } from "@/components/forms/seats-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { IndeterminateProgress } from "@/components/ui/progress";
import { SelectField } from "@/components/ui/select-field";
import { createOrganizationKeys, encryptString, wrapSymmetricKeyForPublicKey } from "@/lib/crypto";
import type { OrganizationPlan } from "@/lib/enums";
import { seatsValue } from "@/lib/forms";
import { createOrganizationAction } from "./actions";

/** The paid plans: an organization is created on one (free is not offered). */
type Plan = Exclude<OrganizationPlan, "free">;

const PLANS: { value: Plan; label: string }[] = [
  { value: "teams_monthly", label: "Teams (monthly)" },
  { value: "teams_annually", label: "Teams (annually)" },
  { value: "enterprise_monthly", label: "Enterprise (monthly)" },
  { value: "enterprise_annually", label: "Enterprise (annually)" },
];

/**
 * The browser makes the organization key and key pair, keeps the key for its creator (wrapped to their own public
 * key) and encrypts the default collection's name: the server receives only ciphertext.
 */
export function CreateOrganizationForm({
  billingEmail,
  forProvider = false,
}: {
  billingEmail: string;
  forProvider?: boolean;
}) {
  const router = useRouter();
  const { keys } = useKeyring();
  const create = useAction(createOrganizationAction, { success: () => "Your organization is ready.", refresh: false });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await create.run(async () => {
      const { organizationKey, publicKey, privateKey } = await createOrganizationKeys();
      const material = await keys.material();
      return {
        name: String(form.get("name") ?? ""),
        billingEmail: String(form.get("billingEmail") ?? ""),
        planType: String(form.get("planType")) as Plan,
        seats: seatsValue(form.get("seats")),
        publicKey,
        privateKey,
        ownerKey: await wrapSymmetricKeyForPublicKey(organizationKey, material.publicKey),
        collectionName: await encryptString("Default collection", organizationKey),
      };
    });
    if (!result.ok) return;
    keys.refresh();
    // Made to become a provider's internal organization: back to the request, where it is now offered.
    router.replace(forProvider ? "/become-a-provider" : `/organizations/${result.organizationId}/overview`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {create.error ? <Alert tone="error">{create.error}</Alert> : null}
      <NameAndBillingEmailFields
        nameLabel="Organization name"
        initial={{ name: "", billingEmail }}
        fieldErrors={create.fieldErrors}
      />
      <SelectField
        label="Plan"
        name="planType"
        options={PLANS}
        defaultValue={forProvider ? "enterprise_monthly" : "teams_monthly"}
        error={create.fieldErrors.planType}
      />
      <SeatsField required defaultValue={5} error={create.fieldErrors.seats} />
      {create.busy ? <IndeterminateProgress label="Creating the organization's encryption keys…" /> : null}
      <div>
        <Button type="submit" loading={create.busy}>
          Create organization
        </Button>
      </div>
    </form>
  );
}
