"use client";

import type { FormEvent } from "react";
import { useAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { setInternalOrganizationAction } from "./actions";

type Organization = { id: string; name: string };
type Props = { providerId: string; current: Organization | null; candidates: Organization[] };

/** Picks the provider's own organization: it is then never offered or accepted as a client. */
export function InternalOrganizationForm({ providerId, current, candidates }: Props) {
  const save = useAction(setInternalOrganizationAction, { success: () => "Internal organization saved." });
  const choices =
    current && !candidates.some((candidate) => candidate.id === current.id) ? [current, ...candidates] : candidates;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save.run({
      providerId,
      organizationId: String(new FormData(event.currentTarget).get("organizationId") ?? ""),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {save.error ? <Alert tone="error">{save.error}</Alert> : null}
      <SelectField
        label="Internal organization"
        name="organizationId"
        defaultValue={current?.id ?? ""}
        options={[
          { value: "", label: "None" },
          ...choices.map((organization) => ({ value: organization.id, label: organization.name })),
        ]}
        error={save.fieldErrors.organizationId}
      />
      <div>
        <Button type="submit" loading={save.busy}>
          Save internal organization
        </Button>
      </div>
    </form>
  );
}
