"use client";

import type { VaultContext } from "./vault-context";

type Collections = VaultContext["collections"];

/** The organization's collections the person may put items into (read-only ones cannot receive items). */
export function editableCollections(collections: Collections, organizationId: string | null): Collections {
  return collections.filter((collection) => collection.organizationId === organizationId && !collection.readOnly);
}

/** Checkboxes for the collections an organization item goes into. */
export function CollectionChoice({
  collections,
  chosen,
  onChange,
}: {
  collections: Collections;
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-slate-800">Collections</legend>
      {collections.length === 0 ? (
        <p className="text-sm text-slate-600">You cannot add items to any collection of this organization.</p>
      ) : null}
      {collections.map((collection) => (
        <label key={collection.id} className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={chosen.includes(collection.id)}
            onChange={(event) =>
              onChange(event.target.checked ? [...chosen, collection.id] : chosen.filter((id) => id !== collection.id))
            }
          />
          {collection.name}
        </label>
      ))}
    </fieldset>
  );
}
