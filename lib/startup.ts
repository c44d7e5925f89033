import "server-only";
import { connection } from "@/db/client";
import { seedDemoIfEmpty } from "@/db/seed/demo";
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
}
