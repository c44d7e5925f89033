import { describe, expect, it } from "vitest";
import { type VaultSectionFilter, visibleItems } from "@/components/vault/filters";
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
