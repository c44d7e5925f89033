/**
 * Run after the end-to-end tests (the server has stopped): looks through every text column of the e2e database for
 * the marker every secret typed by the tests carries (e2e/support/plaintext-marker.ts). Any hit means plaintext
 * reached the database; the script then exits non-zero.
 */
import path from "node:path";
import { count } from "drizzle-orm";
import { closeConnection, EmbeddedDatabaseInUseError, getDb, installConnection, openPglite } from "@/db/client";
import { ciphers, collections } from "@/db/schema";
import { PLAINTEXT_MARKER } from "../e2e/support/plaintext-marker";
import { findPlaintext } from "../tests/support/db-scan";

const dataDir = path.resolve(`.data-e2e-${process.env.E2E_PORT || 3210}`);

/**
 * Playwright stops the server as it finishes, but the process may take a few seconds to let the database go: the
 * claim on the folder (db/client.ts, which knows a live holder from a stale file) is retried until then.
 */
async function openWhenReleased(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await openPglite(dataDir).then((opened) => installConnection(Promise.resolve(opened)));
      return;
    } catch (error) {
      if (!(error instanceof EmbeddedDatabaseInUseError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

try {
  await openWhenReleased();
  const db = await getDb();
  const [items] = await db.select({ n: count() }).from(ciphers);
  const [folders] = await db.select({ n: count() }).from(collections);
  const findings = await findPlaintext([PLAINTEXT_MARKER]);
  if (findings.length > 0) {
    console.error(`Plaintext found in the e2e database (${dataDir}):`);
    for (const finding of findings) console.error(`  ${finding.table}.${finding.column}`);
    process.exitCode = 1;
  } else {
    console.log(
      `Plaintext scan: ${items?.n ?? 0} items and ${folders?.n ?? 0} collections in the e2e database; no typed secret found in any text column.`,
    );
  }
} catch (error) {
  console.error(`Plaintext scan failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeConnection().catch(() => {});
}
