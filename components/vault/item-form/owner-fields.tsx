"use client";

import { CollectionChoice, editableCollections } from "../collection-choice";
import type { VaultContext } from "../vault-context";
import { Section, SelectInput } from "./field-controls";

export type ItemOwner = { kind: "me" } | { kind: "organization"; organizationId: string; collectionIds: string[] };

/** Who owns a new item: the person's own vault (unless a policy forbids it) or an organization, into collections. */
export function OwnerFields({
  owner,
  onChange,
  context,
}: {
  owner: ItemOwner;
  onChange: (owner: ItemOwner) => void;
  context: VaultContext;
}) {
  const options = [
    ...(context.personalAllowed ? [{ value: "me", label: "My vault" }] : []),
    ...context.organizations.map((organization) => ({ value: organization.id, label: organization.name })),
  ];
  return (
    <Section title="Ownership">
      <SelectInput
        label="Owner"
        value={owner.kind === "me" ? "me" : owner.organizationId}
        onChange={(value) =>
          onChange(value === "me" ? { kind: "me" } : { kind: "organization", organizationId: value, collectionIds: [] })
        }
        options={options}
      />
      {!context.personalAllowed ? (
        <p className="text-xs text-slate-600">
          An organization policy requires new items to belong to an organization.
        </p>
      ) : null}
      {owner.kind === "organization" ? (
        <CollectionChoice
          collections={editableCollections(context.collections, owner.organizationId)}
          chosen={owner.collectionIds}
          onChange={(collectionIds) => onChange({ ...owner, collectionIds })}
        />
      ) : null}
    </Section>
  );
}
