import { describe, expect, it } from "vitest";
import { filterHeading, type VaultSectionFilter, visibleItems } from "@/components/vault/filters";
import type { IndexedItem } from "@/components/vault/vault-index";
import type { VaultItem } from "@/lib/dal/items";
import { FAKE_LOGIN } from "../support/fakes";

function item(id: string, state: { archivedAt?: string; deletedAt?: string; favorite?: boolean } = {}): VaultItem {
  return {
    id,
    organizationId: null,
    type: "login",
    reprompt: 0,
    data: FAKE_LOGIN.data,
    collectionIds: [],
    favorite: state.favorite ?? false,
    folderId: null,
    deletedAt: state.deletedAt ?? null,
    archivedAt: state.archivedAt ?? null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    key: null,
    permissions: { edit: true, viewPassword: true, manage: true },
    attachments: [],
  };
}

const when = "2026-02-01T00:00:00.000Z";
const items = [
  item("active", { favorite: true }),
  item("archived", { archivedAt: when, favorite: true }),
  item("archived-and-trashed", { archivedAt: when, deletedAt: when }),
];
const entries = new Map<string, IndexedItem>(items.map(({ id }) => [id, { id, name: id, subtitle: null, uris: [] }]));
const listed = (section: VaultSectionFilter) =>
  visibleItems(items, entries, { scope: { kind: "all" }, section, search: "" }).map((row) => row.item.id);

describe("the web vault's archive filter", () => {
  it("lists archived items only under Archive, and trashed ones only in the trash", () => {
    expect(listed({ kind: "all" })).toEqual(["active"]);
    expect(listed({ kind: "favorites" })).toEqual(["active"]);
    expect(listed({ kind: "type", type: "login" })).toEqual(["active"]);
    expect(listed({ kind: "archive" })).toEqual(["archived"]);
    expect(listed({ kind: "trash" })).toEqual(["archived-and-trashed"]);
  });
});

describe("the vault's heading", () => {
  const names = {
    organizations: [{ id: "org", name: "Acme" }],
    folders: [{ id: "folder", name: "Finance" }],
    collections: [{ id: "collection", name: "Servers" }],
  };

  it("names the vault chosen, All vaults by default", () => {
    expect(filterHeading({ kind: "all" }, { kind: "all" }, names)).toBe("All vaults");
    expect(filterHeading({ kind: "mine" }, { kind: "all" }, names)).toBe("My vault");
    expect(filterHeading({ kind: "organization", id: "org" }, { kind: "all" }, names)).toBe("Acme");
  });

  it("names the part of it chosen, whatever the vault", () => {
    const scope = { kind: "organization", id: "org" } as const;
    expect(filterHeading(scope, { kind: "favorites" }, names)).toBe("Favorites");
    expect(filterHeading(scope, { kind: "trash" }, names)).toBe("Trash");
    expect(filterHeading(scope, { kind: "archive" }, names)).toBe("Archive");
    expect(filterHeading(scope, { kind: "type", type: "ssh_key" }, names)).toBe("SSH key");
    expect(filterHeading(scope, { kind: "folder", id: "folder" }, names)).toBe("Finance");
    expect(filterHeading(scope, { kind: "folder", id: null }, names)).toBe("No folder");
    expect(filterHeading(scope, { kind: "collection", id: "collection" }, names)).toBe("Servers");
    // A name not decrypted yet (or gone) still gives a heading.
    expect(filterHeading(scope, { kind: "collection", id: "other" }, names)).toBe("Collection");
  });
});
