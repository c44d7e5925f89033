"use client";

import type { VaultContext } from "../vault-context";
import { Section, SelectInput } from "./field-controls";

export type ItemOwner = { kind: "me" } | { kind: "organization"; organizationId: string; collectionIds: string[] };

/** Who owns a new item: the person's own vault (unless a policy forbids it) or an organization, into collections. */
export function OwnerFields({ owner, onChange, context }: { owner: ItemOwner; onChange: (owner: ItemOwner) => void; context: VaultContext }) {
  const options = [
    ...(context.personalAllowed ? [{ value: "me", label: "My vault" }] : []),
    ...context.organizations.map((organization) => ({ value: organization.id, label: organization.name })),
  ];
  const collections = owner.kind === "organization" ? context.collections.filter((collection) => collection.organizationId === owner.organizationId && !collection.readOnly) : [];
  return (
    <Section title="Ownership">
      <SelectInput
        label="Owner"
        value={owner.kind === "me" ? "me" : owner.organizationId}
        onChange={(value) => onChange(value === "me" ? { kind: "me" } : { kind: "organization", organizationId: value, collectionIds: [] })}
        options={options}
      />
      {!context.personalAllowed ? <p className="text-xs text-slate-600">An organization policy requires new items to belong to an organization.</p> : null}
      {owner.kind === "organization" ? (
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-sm font-medium text-slate-800">Collections</legend>
          {collections.length === 0 ? <p className="text-sm text-slate-600">You cannot add items to any collection of this organization.</p> : null}
          {collections.map((collection) => (
            <label key={collection.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={owner.collectionIds.includes(collection.id)}
                onChange={(event) =>
                  onChange({
                    ...owner,
                    collectionIds: event.target.checked ? [...owner.collectionIds, collection.id] : owner.collectionIds.filter((id) => id !== collection.id),
                  })
                }
              />
              {collection.name}
            </label>
          ))}
        </fieldset>
      ) : null}
    </Section>
  );
}
