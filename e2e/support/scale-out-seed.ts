/**
 * Prepares the scale-out spec's PostgreSQL database (DATABASE_URL): migrates it, as a first server start would, and
 * makes one verified account to sign in with.
 */
import { closeConnection, connection, getDb } from "@/db/client";
import { createAccountKeys, MIN_KDF_ITERATIONS, pbkdf2Kdf } from "@/lib/crypto";
import { createAccount } from "@/lib/dal/accounts";

const [email, password] = process.argv.slice(2);
try {
  if (!email || !password) throw new Error("usage: scale-out-seed EMAIL PASSWORD");
  await connection();
  const keys = await createAccountKeys({ email, password, kdfConfig: pbkdf2Kdf(MIN_KDF_ITERATIONS) });
  const db = await getDb();
  await db.transaction((tx) => createAccount(tx, { email, name: "Scale Out", ...keys, emailVerified: true }));
} catch (error) {
  console.error(`Preparing the scale-out database failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeConnection().catch(() => {});
}
