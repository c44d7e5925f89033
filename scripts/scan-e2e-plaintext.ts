/**
 * Run after the end-to-end tests (the server has stopped): looks through every text column of the e2e database for
 * the marker every secret typed by the tests carries (e2e/support/plaintext-marker.ts). Any hit means plaintext
 * reached the database; the script then exits non-zero.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { closeConnection, getDb, openPglite, installConnection } from "@/db/client";
import { ciphers, collections } from "@/db/schema";
import { PLAINTEXT_MARKER } from "../e2e/support/plaintext-marker";
import { findPlaintext } from "../tests/support/db-scan";

const dataDir = path.resolve(`.data-e2e-${process.env.E2E_PORT || 3210}`);

/** Playwright stops the server as it finishes, but the process may take a few seconds to let the database go. */
async function waitForServerToExit(timeoutMs = 60_000): Promise<void> {
  const pidFile = path.join(dataDir, "pglite.pid");
  const deadline = Date.now() + timeoutMs;
  while (existsSync(pidFile) && Date.now() < deadline) {
    const pid = Number(readFileSync(pidFile, "utf8"));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

try {
  await waitForServerToExit();
  installConnection(openPglite(dataDir));
  const db = await getDb();
  const [items] = await db.select({ n: count() }).from(ciphers);
  const [folders] = await db.select({ n: count() }).from(collections);
  const findings = await findPlaintext([PLAINTEXT_MARKER]);
  if (findings.length > 0) {
    console.error(`Plaintext found in the e2e database (${dataDir}):`);
    for (const finding of findings) console.error(`  ${finding.table}.${finding.column}`);
    process.exitCode = 1;
  } else {
    console.log(`Plaintext scan: ${items?.n ?? 0} items and ${folders?.n ?? 0} collections in the e2e database; no typed secret found in any text column.`);
  }
} catch (error) {
  console.error(`Plaintext scan failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeConnection().catch(() => {});
}
