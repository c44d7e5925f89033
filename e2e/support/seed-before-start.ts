/**
 * Runs just before the e2e server starts (playwright.config.ts): a fresh database with the e2e data
 * (e2e/support/e2e-database.ts). With --prepare, `npm test` runs it beside the build instead, and the server's start
 * then takes the database prepared for it, once.
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { PORT } from "./servers";

const dataDir = process.env.KEYHOUSE_DATA_DIR || `.data-e2e-${PORT}`;
process.env.KEYHOUSE_DATA_DIR = dataDir;
// Inside the data folder, so that a fresh folder never carries it (PostgreSQL ignores files it does not know there).
const preparedMark = `${dataDir}/prepared-for-e2e`;
const preparing = process.argv.includes("--prepare");

if (!preparing && existsSync(preparedMark)) {
  rmSync(preparedMark);
} else {
  rmSync(dataDir, { recursive: true, force: true });
  try {
    // Imported only now: the database client reads KEYHOUSE_DATA_DIR, and the modules take seconds to load.
    const { seedE2eDatabase } = await import("./e2e-database");
    await seedE2eDatabase();
    if (preparing) writeFileSync(preparedMark, "");
  } catch (error) {
    console.error(`Seeding the e2e database failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
