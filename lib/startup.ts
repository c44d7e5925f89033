import "server-only";
import { connection, getDb } from "@/db/client";
import { seedDemoIfEmpty } from "@/db/seed/demo";
import { purgeExpiredTrash } from "@/lib/dal/item-writes";
import { log } from "@/lib/log";
import { deliverPendingMail } from "@/lib/mail/outbox";

export async function prepareServer(): Promise<void> {
  const { kind } = await connection();
  log.info({ database: kind }, "database ready (migrations applied)");
  // DESIGN §10: only an empty embedded database is seeded by itself; a server database never is.
  if (kind === "pglite" && process.env.KEYHOUSE_SEED_DEMO !== "false") {
    const seeded = await seedDemoIfEmpty();
    if (seeded) log.info("demo data seeded into the empty embedded database");
  }
  void deliverPendingMail().catch((error: unknown) => log.warn({ err: String(error) }, "pending mail delivery failed"));
  scheduleTrashPurge();
}

const SIX_HOURS = 6 * 60 * 60 * 1000;

/** Items left in the trash for 30 days are deleted for good: now, and every six hours while the server runs. */
function scheduleTrashPurge(): void {
  const purge = async () => {
    const purged = await purgeExpiredTrash(await getDb());
    if (purged > 0) log.info({ purged }, "emptied expired items from the trash");
  };
  const run = () => void purge().catch((error: unknown) => log.warn({ err: String(error) }, "trash purge failed"));
  run();
  setInterval(run, SIX_HOURS).unref();
}
