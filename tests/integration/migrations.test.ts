import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, selectRows } from "@/db/client";

describe("migrations", () => {
  it("create every table of the data model", async () => {
    const db = await getDb();
    const rows = await selectRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = rows.map((row) => row.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "users",
        "providers",
        "provider_users",
        "provider_plans",
        "provider_organizations",
        "organizations",
        "organization_users",
        "groups",
        "group_users",
        "collections",
        "collection_users",
        "collection_groups",
        "ciphers",
        "cipher_user_states",
        "collection_ciphers",
        "folders",
        "policies",
        "events",
        "invitations",
        "mail_outbox",
      ]),
    );
  });
});
