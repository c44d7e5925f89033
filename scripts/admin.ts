/**
 * Operator commands: `npm run admin -- <command> [options]`. Run against DATABASE_URL, or against the embedded
 * database when the server is not running (the embedded database admits one process at a time).
 * Each command lives in scripts/admin/<command>.ts and exports `usage` and `run`.
 */
import { closeConnection } from "@/db/client";
import * as approveProviderRequest from "./admin/approve-provider-request";
import * as closeBillingPeriod from "./admin/close-billing-period";
import * as createProvider from "./admin/create-provider";
import * as listProviderRequests from "./admin/list-provider-requests";
import * as recordUsage from "./admin/record-usage";
import * as rejectProviderRequest from "./admin/reject-provider-request";
import { failureMessage, UsageError } from "./admin/usage";

type Command = { usage: string; run: (args: string[]) => Promise<void> };

const COMMANDS: Record<string, Command> = {
  "create-provider": createProvider,
  "list-provider-requests": listProviderRequests,
  "approve-provider-request": approveProviderRequest,
  "reject-provider-request": rejectProviderRequest,
  "close-billing-period": closeBillingPeriod,
  "record-usage": recordUsage,
};

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((command) => `  ${command.usage}`)
  .join("\n")}
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "help") {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`Failed: ${failureMessage(error)}`);
    return 1;
  } finally {
    await closeConnection().catch(() => {});
  }
}

process.exitCode = await main(process.argv.slice(2));
