import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { recordVaultExport } from "@/app/(console)/organizations/[organizationId]/settings/export/actions";
import { importItemsBatch } from "@/app/(console)/organizations/[organizationId]/settings/import/actions";
import { getDb } from "@/db/client";
import { requireOrgScope } from "@/lib/authz/scope";
import { listImportedFiles } from "@/lib/dal/organization-imports";
import { ciphers, collectionCiphers, collections, events } from "@/db/schema";
import type { SymmetricKey } from "@/lib/crypto";
import { importFileHash } from "@/lib/import";
import { parseChromeCsv } from "@/lib/import/chrome-csv";
import { encryptedCipherSchema } from "@/lib/validation/cipher";
import { decryptCipher, encryptCipher } from "@/lib/vault/cipher-crypto";
import { type CipherView, newCipher } from "@/lib/vault/cipher-model";
import { databaseSnapshot, findPlaintext } from "../support/db-scan";
import { type DemoIds, loadDemo } from "../support/demo";
import { FAKE_ENC_2 } from "../support/fakes";
import { clientKeyOf, memberOrganizationKey, providerKeyOf, unlockAs } from "../support/keys";
import { signInAs } from "../support/session";

let demo: DemoIds;
let organizationKey: SymmetricKey;
/** A well-formed file hash, for batches whose file does not matter. */
const FILE_HASH = `${"A".repeat(43)}=`;

beforeAll(async () => {
  demo = await loadDemo();
  organizationKey = await memberOrganizationKey(await unlockAs("owner@client1.example", "keyhouse-demo"), demo.client1);
});

/** A Chrome CSV of `count` logins whose every secret is unique to this run, as a person's file would be. */
function chromeCsv(tag: string, count: number): { text: string; secrets: string[] } {
  const rows = Array.from({ length: count }, (_, index) => [
    `${tag}-name-${index}`,
    `https://${tag}-${index}.example`,
    `${tag}-user-${index}`,
    `${tag}-pass-${index}!`,
    "",
  ]);
  return {
    text: ["name,url,username,password,note", ...rows.map((row) => row.join(","))].join("\n"),
    secrets: rows.flatMap(([name, , username, password]) => [name!, username!, password!]),
  };
}

/** What the import page does in the browser: parse, encrypt each item under the organization key, check its shape. */
async function encryptedBatch(text: string, key: SymmetricKey, collectionId: string) {
  const parsed = parseChromeCsv(text);
  const encrypt = async (view: CipherView) => encryptedCipherSchema.parse(await encryptCipher(view, key));
  return {
    views: parsed.items.map((item) => item.view),
    fileHash: await importFileHash(text, key),
    items: await Promise.all(
      parsed.items.map(async (item) => ({ cipher: await encrypt(item.view), collectionIds: [collectionId] })),
    ),
  };
}

async function lastEvent(type: "organization_items_imported" | "organization_vault_exported") {
  const db = await getDb();
  const [event] = await db
    .select()
    .from(events)
    .where(and(eq(events.type, type), eq(events.organizationId, demo.client1)))
    .orderBy(desc(events.occurredAt))
    .limit(1);
  return event;
}

describe("importing a batch of items", () => {
  it("stores the owner's encrypted items in the chosen collection and records the import", async () => {
    await signInAs(demo.users.owner1);
    const { text } = chromeCsv("owner", 3);
    const { views, items, fileHash } = await encryptedBatch(text, organizationKey, demo.client1Collection);
    const result = await importItemsBatch({ organizationId: demo.client1, fileHash, items });
    expect(result).toEqual({ ok: true, imported: 3 });

    const db = await getDb();
    const stored = await db
      .select({ id: ciphers.id, type: ciphers.type, reprompt: ciphers.reprompt, data: ciphers.data })
      .from(ciphers)
      .innerJoin(collectionCiphers, eq(collectionCiphers.cipherId, ciphers.id))
      .where(and(eq(ciphers.organizationId, demo.client1), eq(collectionCiphers.collectionId, demo.client1Collection)));
    const decrypted = await Promise.all(stored.map((row) => decryptCipher(row, organizationKey)));
    for (const view of views) expect(decrypted).toContainEqual(view);
    expect(await lastEvent("organization_items_imported")).toMatchObject({
      actingUserId: demo.users.owner1,
      providerId: null,
      details: { count: 3 },
    });
  });

  it("lets a provider member import into a client with the key their provider holds, logged with the provider", async () => {
    const tech = await unlockAs("tech@demo-msp.example", "keyhouse-demo");
    const key = await clientKeyOf(await providerKeyOf(tech, demo.providerId), demo.client1);
    await signInAs(demo.users.tech);
    const { items, fileHash } = await encryptedBatch(chromeCsv("tech", 2).text, key, demo.client1Collection);
    expect(await importItemsBatch({ organizationId: demo.client1, fileHash, items })).toEqual({
      ok: true,
      imported: 2,
    });
    expect(await lastEvent("organization_items_imported")).toMatchObject({
      actingUserId: demo.users.tech,
      providerId: demo.providerId,
      details: { count: 2 },
    });
  });

  it("leaves no imported name, username or password readable anywhere in the database", async () => {
    await signInAs(demo.users.owner1);
    const { text, secrets } = chromeCsv(`scan${Date.now().toString(36)}`, 5);
    const { items, fileHash } = await encryptedBatch(text, organizationKey, demo.client1Collection);
    expect(await importItemsBatch({ organizationId: demo.client1, fileHash, items })).toMatchObject({
      ok: true,
      imported: 5,
    });
    expect(await findPlaintext(secrets)).toEqual([]);
  });
});

describe("recognising a file imported before", () => {
  it("records the file by a hash keyed with the organization key, and moves its date when it comes again", async () => {
    await signInAs(demo.users.owner1);
    const { text } = chromeCsv(`again${Date.now().toString(36)}`, 2);
    const { items, fileHash } = await encryptedBatch(text, organizationKey, demo.client1Collection);
    expect(await importItemsBatch({ organizationId: demo.client1, fileHash, items })).toMatchObject({ ok: true });
    const scope = await requireOrgScope(demo.client1, "org.import_export");
    const [first] = (await listImportedFiles(scope)).filter((file) => file.fileHash === fileHash);
    expect(first).toBeDefined();
    // Not a plain hash of the file, which would let anyone holding the database check a guess at its content.
    expect(fileHash).not.toBe(createHash("sha256").update(text).digest("base64"));

    expect(await importItemsBatch({ organizationId: demo.client1, fileHash, items })).toMatchObject({ ok: true });
    const again = (await listImportedFiles(scope)).filter((file) => file.fileHash === fileHash);
    expect(again).toHaveLength(1);
    expect(Date.parse(again[0]!.importedAt)).toBeGreaterThan(Date.parse(first!.importedAt));
    expect((await listImportedFiles(scope))[0]!.fileHash).toBe(fileHash);
  });

  it("keeps each organization's files apart: the same hash in another organization is another record", async () => {
    await signInAs(demo.users.owner1);
    const scope = await requireOrgScope(demo.client1, "org.import_export");
    await signInAs(demo.users.owner2);
    const other = await requireOrgScope(demo.client2, "org.import_export");
    const ownFiles = await listImportedFiles(scope);
    expect(ownFiles.length).toBeGreaterThan(0);
    expect(await listImportedFiles(other)).toEqual([]);
  });

  it("refuses a batch without a well-formed file hash", async () => {
    await signInAs(demo.users.owner1);
    const { items } = await encryptedBatch(chromeCsv("nohash", 1).text, organizationKey, demo.client1Collection);
    const before = await databaseSnapshot();
    expect(await importItemsBatch({ organizationId: demo.client1, fileHash: "c2hvcnQ=", items })).toMatchObject({
      ok: false,
      error: "The file's fingerprint is malformed.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("refused imports change nothing", () => {
  async function oneItem() {
    return (await encryptedBatch(chromeCsv("refused", 1).text, organizationKey, demo.client1Collection)).items[0]!;
  }

  async function otherCollection(organizationId: string) {
    const db = await getDb();
    const [row] = await db
      .select({ id: collections.id })
      .from(collections)
      .where(eq(collections.organizationId, organizationId));
    return row!.id;
  }

  it.each([
    [
      "an unknown item type",
      async () => {
        const item = await oneItem();
        return { ...item, cipher: { ...item.cipher, type: "password" } };
      },
      "Unknown item type.",
    ],
    [
      "a plaintext value",
      async () => {
        const item = await oneItem();
        return { ...item, cipher: { ...item.cipher, data: { ...item.cipher.data, notes: "plain text notes" } } };
      },
      "Encrypted data is malformed.",
    ],
    [
      "another organization's collection",
      async () => ({ ...(await oneItem()), collectionIds: [await otherCollection(demo.client2)] }),
      "Some of these collections do not exist in this organization.",
    ],
  ])("refuses %s with a clear sentence", async (_label, makeItem, error) => {
    await signInAs(demo.users.owner1);
    const item = await makeItem();
    const before = await databaseSnapshot();
    expect(
      await importItemsBatch({ organizationId: demo.client1, fileHash: FILE_HASH, items: [item] } as never),
    ).toMatchObject({
      ok: false,
      error,
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses more than 100 items in one batch", async () => {
    await signInAs(demo.users.owner1);
    const item = await oneItem();
    const before = await databaseSnapshot();
    const result = await importItemsBatch({
      organizationId: demo.client1,
      fileHash: FILE_HASH,
      items: Array.from({ length: 101 }, () => item),
    });
    expect(result).toMatchObject({ ok: false, error: "Send at most 100 items at a time." });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses a client member, who may not import", async () => {
    await signInAs(demo.users.user1);
    const before = await databaseSnapshot();
    expect(
      await importItemsBatch({ organizationId: demo.client1, fileHash: FILE_HASH, items: [await oneItem()] }),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("refuses an item whose ciphertext is only shaped right when its parts do not match its type", async () => {
    await signInAs(demo.users.owner1);
    const note = encryptedCipherSchema.parse(await encryptCipher(newCipher("secure_note", "note"), organizationKey));
    const before = await databaseSnapshot();
    const mixed = {
      ...note,
      data: {
        ...note.data,
        login: { username: FAKE_ENC_2, password: null, totp: null, uris: [], passwordRevisionDate: null },
      },
    };
    expect(
      await importItemsBatch({
        organizationId: demo.client1,
        fileHash: FILE_HASH,
        items: [{ cipher: mixed, collectionIds: [demo.client1Collection] }],
      }),
    ).toMatchObject({
      ok: false,
      error: "A secure note item cannot have login data.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});

describe("recording an export", () => {
  it("records the owner's export with its format and item count", async () => {
    await signInAs(demo.users.owner1);
    const db = await getDb();
    const items = await db.select({ id: ciphers.id }).from(ciphers).where(eq(ciphers.organizationId, demo.client1));
    expect(await recordVaultExport({ organizationId: demo.client1, format: "csv", count: items.length })).toEqual({
      ok: true,
    });
    expect(await lastEvent("organization_vault_exported")).toMatchObject({
      actingUserId: demo.users.owner1,
      details: { format: "csv", count: items.length },
    });
  });

  it("refuses provider members, who cannot read a client's items, and an unknown format", async () => {
    await signInAs(demo.users.admin);
    const before = await databaseSnapshot();
    expect(await recordVaultExport({ organizationId: demo.client1, format: "json", count: 1 })).toMatchObject({
      ok: false,
      error: "Provider members cannot export a client's vault: its items stay private to the organization's members.",
    });
    await signInAs(demo.users.owner1);
    expect(await recordVaultExport({ organizationId: demo.client1, format: "xml" as never, count: 1 })).toMatchObject({
      ok: false,
      error: "Choose an export format.",
    });
    expect(await databaseSnapshot()).toEqual(before);
  });
});
