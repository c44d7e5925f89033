import { sql } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";

export type Finding = { table: string; column: string; needle: string };

/**
 * Looks for each needle in every text, varchar and jsonb column of every table: the zero-knowledge check that no
 * plaintext secret reached the database. Needles shorter than 6 characters would match by chance and are refused.
 */
export async function findPlaintext(needles: string[]): Promise<Finding[]> {
  if (needles.some((needle) => needle.length < 6)) throw new Error("needles must be at least 6 characters");
  const db = await getDb();
  const columns = await selectRows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb')
        order by table_name, column_name`,
  );
  const findings: Finding[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    for (const needle of needles) {
      const [hit] = await selectRows<{ found: boolean }>(
        db,
        sql`select exists (select 1 from ${sql.identifier(table)} where ${sql.identifier(column)}::text like ${"%" + escapeLike(needle) + "%"}) as found`,
      );
      if (hit?.found) findings.push({ table, column, needle });
    }
  }
  return findings;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (match) => `\\${match}`);
}

/**
 * A digest of every row of every table: equal snapshots before and after a refused call prove it changed nothing
 * (inserts, updates and deletes all change the digest). One statement for all tables, since the escalation and
 * isolation matrices take one per case.
 */
export async function databaseSnapshot(): Promise<Record<string, string>> {
  const db = await getDb();
  const tables = await selectRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const digests = tables.map(
    ({ table_name: table }) =>
      sql`select ${table}::text as table_name, count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
          from ${sql.identifier(table)} t`,
  );
  const rows = await selectRows<{ table_name: string; n: number; digest: string | null }>(
    db,
    sql.join(digests, sql` union all `),
  );
  return Object.fromEntries(rows.map((row) => [row.table_name, `${row.n}:${row.digest ?? ""}`]));
}
