import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { inject } from "vitest";
import {
  closeConnection,
  type Connection,
  getDb,
  installConnection,
  openPglite,
  openPostgres,
  selectRows,
} from "@/db/client";

/**
 * Each integration test file's database, copied from the templates tests/support/global-setup.ts made once per run:
 * "migrated" (every migration applied, no rows) or "demo" (the same with DESIGN §10's demo data). A copy is much
 * cheaper than a new database: a new PGlite runs initdb (seconds of WebAssembly), and the demo's key derivation
 * takes seconds more. db/client.ts's open functions still run the migrations, which finds nothing to do.
 */
export type TemplateName = "migrated" | "demo";

export type Templates =
  | { kind: "pglite"; files: Record<TemplateName, string> }
  | { kind: "postgres"; serverUrl: string; databases: Record<TemplateName, string> };

declare module "vitest" {
  export interface ProvidedContext {
    keyhouseTemplates: Templates;
  }
}

/** The data directory (a tarball) the next in-memory PGlite starts from; integration-setup.ts hands it over. */
let pendingPgliteDataDir: Blob | undefined;

export function takePgliteDataDir(): Blob | undefined {
  const dataDir = pendingPgliteDataDir;
  pendingPgliteDataDir = undefined;
  return dataDir;
}

type Current = { opening?: Promise<Connection>; drop?: () => Promise<void> };
let current: Current | undefined;

/**
 * Makes a fresh copy of a template this file's database, closing (and dropping) the one before. The copy is made and
 * opened when first used, so a file whose first step is loadDemo() copies only the demo's template.
 */
export async function replaceTestDatabase(template: TemplateName): Promise<void> {
  await closeTestDatabase();
  const mine: Current = {};
  current = mine;
  const start = () => (mine.opening ??= openCopy(template, mine));
  // db/client.ts awaits the connection it holds; this one starts opening at the first await.
  const lazy: PromiseLike<Connection> & Pick<Promise<Connection>, "catch" | "finally"> = {
    then: (onOpened, onFailed) => start().then(onOpened, onFailed),
    catch: (onFailed) => start().catch(onFailed),
    finally: (onSettled) => start().finally(onSettled),
  };
  installConnection(lazy as Promise<Connection>);
}

/** Whether this file's database was opened (and so possibly written to) since replaceTestDatabase() made it. */
export function testDatabaseOpened(): boolean {
  return current?.opening !== undefined;
}

async function openCopy(template: TemplateName, into: Current): Promise<Connection> {
  const templates = inject("keyhouseTemplates");
  if (!templates)
    throw new Error(
      "no database templates: run integration tests through vitest.config.ts (its globalSetup makes them)",
    );
  if (templates.kind === "pglite") {
    pendingPgliteDataDir = new Blob([await readFile(templates.files[template])]);
    return openPglite("memory://");
  }
  const name = `keyhouse_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(templates.serverUrl, (client) =>
    client.query(`create database ${name} template ${templates.databases[template]}`),
  );
  into.drop = () =>
    withAdminClient(templates.serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(
      () => {},
    );
  const url = new URL(templates.serverUrl);
  url.pathname = `/${name}`;
  return openPostgres(url.toString());
}

export async function closeTestDatabase(): Promise<void> {
  const closing = current;
  current = undefined;
  try {
    if (closing?.opening) await closeConnection();
    else installConnection(undefined);
  } finally {
    await closing?.drop?.();
  }
}

/** Whether no table of this file's database holds a row. */
export async function databaseIsEmpty(): Promise<boolean> {
  const db = await getDb();
  const tables = await selectRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const probes = tables.map(
    ({ table_name: table }) => sql`select exists (select 1 from ${sql.identifier(table)}) as found`,
  );
  const rows = await selectRows<{ found: boolean }>(db, sql.join(probes, sql` union all `));
  return rows.every((row) => !row.found);
}

export async function withAdminClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
