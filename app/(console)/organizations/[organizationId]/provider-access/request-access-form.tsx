"use client";

import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { sortedByName, useDecryptedNames } from "@/components/organization/use-decrypted-names";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import type { EncString } from "@/lib/crypto";
import { PROVIDER_ACCESS_DURATIONS } from "@/lib/validation/provider-access";
import { requestProviderAccessAction } from "./actions";

/** A provider member's request: what (all collections or one), why, how (view or edit) and for how long. */
export function RequestAccessForm({
  organizationId,
  organizationName,
  collections,
}: {
  organizationId: string;
  organizationName: string;
  collections: { id: string; name: EncString }[];
}) {
  const names = sortedByName(useDecryptedNames(organizationId, collections), collections);
  const [formKey, setFormKey] = useState(0);
  const request = useAction(requestProviderAccessAction, {
    success: (result) =>
      result.approved
        ? `${organizationName}'s rule approved your request: the items are in your vault.`
        : `Your request was sent to ${organizationName}'s owners and admins.`,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await request.run({
      organizationId,
      collectionId: String(form.get("collectionId") ?? ""),
      reason: String(form.get("reason") ?? ""),
      access: String(form.get("access") ?? "") as "view" | "edit",
      minutes: Number(form.get("minutes")),
    });
    if (result.ok) setFormKey((key) => key + 1);
  }

  return (
    <Card className="mb-6">
      <h2 className="mb-4 text-lg font-semibold">Request access to items</h2>
      <form key={formKey} onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
        {request.error && Object.keys(request.fieldErrors).length === 0 ? (
          <Alert tone="error" className="sm:col-span-2">
            {request.error}
          </Alert>
        ) : null}
        <SelectField
          label="Items"
          name="collectionId"
          options={[
            { value: "", label: "All collections" },
            ...(names ?? []).map((collection) => ({ value: collection.id, label: `Collection: ${collection.name}` })),
          ]}
          error={request.fieldErrors.collectionId}
        />
        <SelectField
          label="Access"
          name="access"
          defaultValue="view"
          options={[
            { value: "view", label: "View only" },
            { value: "edit", label: "Can edit" },
          ]}
          error={request.fieldErrors.access}
        />
        <SelectField
          label="For"
          name="minutes"
          defaultValue="60"
          options={PROVIDER_ACCESS_DURATIONS.map((duration) => ({
            value: String(duration.minutes),
            label: duration.label,
          }))}
          error={request.fieldErrors.minutes}
        />
        <TextAreaField
          label="Reason"
          name="reason"
          required
          maxLength={500}
          rows={3}
          description="The client's owners and admins read it in their mail and here."
          error={request.fieldErrors.reason}
          className="sm:col-span-2"
        />
        <div className="sm:col-span-2">
          <Button type="submit" loading={request.busy}>
            Request access
          </Button>
        </div>
      </form>
    </Card>
  );
}
