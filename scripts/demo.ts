/**
 * `npm run demo`: builds when the sources changed since the last build, then serves the production build on the
 * embedded database, which the server migrates and seeds with the demo data on first start, and prints the URL and
 * the demo logins. SIGINT, SIGTERM or SIGHUP stops the server and this script; when the server exits, so does this
 * script, with its exit code. package.json starts it with `exec`: npm's shell would otherwise stay in between, and
 * the SIGTERM npm passes on would stop only that shell.
 */
import { createRequire } from "node:module";
import { isIP } from "node:net";
import { DEMO_ACCOUNTS, demoPassword } from "@/lib/seed/demo-accounts";
import { checkEnv } from "@/lib/server/env";
import { buildIsCurrent, hashBuildInputs, recordBuild } from "./demo/build-stamp";
import { supervise } from "./demo/supervise";

// Next's own entry point, run by this Node: through npx, signals would stop at npx's shell.
const NEXT = createRequire(import.meta.url).resolve("next/dist/bin/next");
const root = process.cwd();

// The demo's mail (registration links, invitations) is read at /dev/mailbox unless told otherwise.
process.env.KEYHOUSE_DEV_MAILBOX ||= "true";
const settings = (() => {
  try {
    return checkEnv();
  } catch (error) {
    // A bad setting stops the demo before anything is built or started, with the message alone.
    console.error((error as Error).message);
    return process.exit(1);
  }
})();

const inputs = hashBuildInputs(root);
if (buildIsCurrent(root, inputs)) {
  console.log("The build in .next is current; skipping next build.");
} else {
  const code = await supervise(process.execPath, [NEXT, "build"]).exited;
  if (code !== 0) process.exit(code);
  recordBuild(root, inputs);
}

// The demo password is public and /dev/mailbox is on: only this machine may connect unless HOST says otherwise.
const host = settings.HOST;
const server = supervise(process.execPath, [NEXT, "start", "-p", String(settings.PORT), "-H", host], {
  env: { ...process.env, APP_URL: settings.APP_URL },
});
server.exited.then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("Could not start the server:", error);
    process.exit(1);
  },
);

/** Where this machine reaches the server: a wildcard address is reached over loopback. */
function probeHost(address: string): string {
  if (address === "0.0.0.0") return "127.0.0.1";
  if (address === "::") return "[::1]";
  return isIP(address) === 6 ? `[${address}]` : address;
}

async function waitForHealth(): Promise<boolean> {
  const health = `http://${probeHost(host)}:${settings.PORT}/api/health`;
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      if ((await fetch(health)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

if (await waitForHealth()) {
  const url = settings.APP_URL;
  const logins = DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(26)} ${account.role}`).join("\n");
  console.log(`
  Keyhouse is running at ${url} (listening on ${host})

  Demo logins (master password "${demoPassword()}"):
${logins}

  Mail the demo sends (registration links, invitations, setup links) is readable at ${url}/dev/mailbox
  Press Ctrl+C to stop.
`);
} else {
  console.error("The server did not become healthy within 2 minutes.");
  server.child.kill("SIGTERM");
}
