/** `npm run seed:demo`: loads the demo data of DESIGN §10 into the configured database, if it has no accounts. */
import { closeConnection, connection } from "@/db/client";
import { DEMO_ACCOUNTS, demoPassword, seedDemoIfEmpty } from "@/lib/seed/demo";

try {
  const { kind } = await connection();
  const seeded = await seedDemoIfEmpty();
  if (seeded) {
    console.log(`Demo data loaded into the ${kind} database. Logins (password "${demoPassword()}"):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(26)} ${account.role}`);
  } else {
    console.log("The database already has accounts; the demo data was not loaded.");
  }
} catch (error) {
  console.error(`Failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeConnection().catch(() => {});
}
