import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import type { Templates } from "./test-database";

/**
 * Once per integration project and run, before any test file: the two databases every file's database is copied
 * from (tests/support/test-database.ts), made by tests/support/make-templates.ts in a Node process of its own (as
 * the project's scripts run, with the test files' environment and bcrypt cost). PGlite's are tarballs in a temporary
 * folder; PostgreSQL's are databases on the test server. Both are deleted when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = project.config.env as Record<string, string>;
  if (env.KEYHOUSE_TEST_DB === "postgres") return postgresTemplates(project, env);
  return pgliteTemplates(project, env);
}

async function pgliteTemplates(project: TestProject, env: Record<string, string>): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "keyhouse-test-templates-"));
  const remove = () => rm(folder, { recursive: true, force: true });
  const files = { migrated: path.join(folder, "migrated.tar"), demo: path.join(folder, "demo.tar") };
  try {
    await makeTemplates(env, ["pglite", files.migrated, files.demo]);
  } catch (error) {
    await remove();
    throw error;
  }
  project.provide("keyhouseTemplates", { kind: "pglite", files } satisfies Templates);
  return remove;
}

async function postgresTemplates(project: TestProject, env: Record<string, string>): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is required for the integration-pg project");
  const name = `keyhouse_template_${randomBytes(6).toString("hex")}`;
  const databases = { migrated: name, demo: `${name}_demo` };
  const drop = async () => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      for (const database of Object.values(databases))
        await client.query(`drop database if exists ${database} with (force)`);
    } finally {
      await client.end();
    }
  };
  try {
    await makeTemplates(env, ["postgres", serverUrl, databases.migrated, databases.demo]);
  } catch (error) {
    await drop();
    throw error;
  }
  project.provide("keyhouseTemplates", { kind: "postgres", serverUrl, databases } satisfies Templates);
  return drop;
}

async function makeTemplates(env: Record<string, string>, args: string[]): Promise<void> {
  const script = [
    "--import",
    "./scripts/register-server-hooks.mjs",
    "--import",
    "tsx",
    "tests/support/make-templates.ts",
  ];
  await promisify(execFile)(process.execPath, [...script, ...args], {
    env: { ...process.env, ...env, KEYHOUSE_BCRYPT_COST: process.env.KEYHOUSE_BCRYPT_COST ?? "4" },
  });
}
