/**
 * Runs once when the server starts: opens the database (which applies migrations), seeds the demo data into an
 * empty embedded database, and sends mail that an earlier run queued but could not deliver.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareServer } = await import("./lib/startup");
  await prepareServer();
}
