/** Runs the server's start-up the way instrumentation.ts does, for tests/integration/embedded-claim.test.ts. */
import { exitServer, prepareServer } from "@/lib/server/startup";

void prepareServer({ onFatal: exitServer }).then(() => {
  process.stdout.write("started\n");
  process.exit(0);
});
