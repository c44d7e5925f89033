/**
 * `npm run demo` (after `npm run build`): serves the production build on the embedded database, which the server
 * migrates and seeds with the demo data on first start, then prints the URL and the demo logins.
 */
import { spawn } from "node:child_process";
import { DEMO_ACCOUNTS, demoPassword } from "@/db/seed/demo-accounts";

const port = Number(process.env.PORT || 3000);
const url = process.env.APP_URL || `http://localhost:${port}`;

const server = spawn("npx", ["next", "start", "-p", String(port)], {
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, KEYHOUSE_DEV_MAILBOX: process.env.KEYHOUSE_DEV_MAILBOX ?? "true", APP_URL: url },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

async function waitForHealth(): Promise<boolean> {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

if (await waitForHealth()) {
  const logins = DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(26)} ${account.role}`).join("\n");
  console.log(`
  Keyhouse is running at ${url}

  Demo logins (master password "${demoPassword()}"):
${logins}

  Mail the demo sends (registration links, invitations, setup links) is readable at ${url}/dev/mailbox
  Press Ctrl+C to stop.
`);
} else {
  console.error("The server did not become healthy within 2 minutes.");
  server.kill("SIGTERM");
}
