/**
 * Runs once when the server starts: opens the database (which applies migrations), seeds the demo data into an
 * empty embedded database, and sends mail that an earlier run queued but could not deliver. It never throws (Next.js
 * would keep the failure and answer every request with a 500): a database that is down is retried in the
 * background. Only an embedded database folder held by another process stops the server, with one line on stderr.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Settings first, before any module reads them: a bad one stops the server with every bad variable named.
  const { checkEnv } = await import("./lib/server/env");
  try {
    checkEnv();
  } catch (error) {
    process.stderr.write(`Keyhouse cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const { printErrorsInSummary } = await import("./lib/server/request-errors");
  printErrorsInSummary();
  const { stampPeerAddresses } = await import("./lib/server/peer-address");
  stampPeerAddresses();
  const { exitServer, prepareServer } = await import("./lib/server/startup");
  await prepareServer({ onFatal: exitServer });
}

/** Errors of pages and route handlers are logged in one summarized form, without queries or their parameters. */
export { onRequestError } from "./lib/server/request-errors";
