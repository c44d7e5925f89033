/**
 * Runs on the e2e server's fresh embedded database just before the server starts (PGlite admits one process, so
 * nothing can write to it while the server runs): the demo data, as the server would seed it, and one account from
 * before registration verified addresses (LEGACY_OPERATOR), which no page can make any more.
 */
import { closeConnection, connection, getDb } from "@/db/client";
import { seedDemoIfEmpty } from "@/lib/seed/demo";
import { createAccountKeys } from "@/lib/crypto";
import { createAccount } from "@/lib/dal/accounts";
import { LEGACY_OPERATOR } from "./legacy-account";

try {
  await connection();
  await seedDemoIfEmpty();
  const { email, name, password } = LEGACY_OPERATOR;
  const keys = await createAccountKeys({ email, password });
  const db = await getDb();
  await db.transaction((tx) => createAccount(tx, { email, name, ...keys, emailVerified: false }));
} catch (error) {
  console.error(`Seeding the e2e database failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeConnection().catch(() => {});
}
