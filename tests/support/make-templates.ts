/**
 * Makes the integration tests' template databases (see tests/support/global-setup.ts, which runs this script the way
 * the project's scripts run: Node with tsx, outside Vitest):
 *   make-templates.ts pglite <migrated.tar> <demo.tar>        data directory tarballs of an in-memory PGlite
 *   make-templates.ts postgres <server url> <migrated> <demo>  two databases on that server (created here)
 * "migrated" has every migration applied and no rows; "demo" is the same with lib/seed/demo.ts's demo data.
 */
import { writeFile } from "node:fs/promises";
import type { PGlite } from "@electric-sql/pglite";
import { Client } from "pg";
import { closeConnection, connection, installConnection, openPglite, openPostgres } from "@/db/client";
import { seedDemo } from "@/lib/seed/demo";

const [kind, ...args] = process.argv.slice(2);

async function pglite(migratedFile: string, demoFile: string): Promise<void> {
  installConnection(openPglite("memory://"));
  const { db } = await connection();
  const client = (db as unknown as { $client: PGlite }).$client;
  // Uncompressed: a test file's database starts faster from it than from a gzipped one.
  const dump = async (file: string) =>
    writeFile(file, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  await dump(migratedFile);
  await seedDemo();
  await dump(demoFile);
}

async function postgres(serverUrl: string, migrated: string, demo: string): Promise<void> {
  const urlOf = (name: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  await adminQuery(serverUrl, `create database ${migrated}`);
  await (await openPostgres(urlOf(migrated))).close();
  await adminQuery(serverUrl, `create database ${demo} template ${migrated}`);
  installConnection(openPostgres(urlOf(demo)));
  await seedDemo();
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

try {
  if (kind === "pglite" && args.length === 2) await pglite(args[0]!, args[1]!);
  else if (kind === "postgres" && args.length === 3) await postgres(args[0]!, args[1]!, args[2]!);
  else
    throw new Error(
      "usage: make-templates.ts pglite <migrated.tar> <demo.tar> | postgres <server url> <migrated> <demo>",
    );
} catch (error) {
  console.error(`Making the test database templates failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  await closeConnection().catch(() => {});
}
