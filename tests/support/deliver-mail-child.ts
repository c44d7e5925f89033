/**
 * A second app instance for tests/integration/several-instances.test.ts: opens DATABASE_URL, answers `ready`, and on
 * the line `go` delivers pending mail and answers with the result as JSON.
 */
import { createInterface } from "node:readline";
import { closeConnection, connection } from "@/db/client";
import { deliverPendingMail } from "@/lib/mail/outbox";

void connection().then(() => {
  createInterface({ input: process.stdin }).once("line", async () => {
    const result = await deliverPendingMail();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    await closeConnection();
    process.exit(0);
  });
  process.stdout.write("ready\n");
});
