/**
 * Operator commands: `npm run admin -- <command> [options]`. Run against DATABASE_URL, or against the embedded
 * database when the server is not running (the embedded database admits one process at a time).
 */
import { parseArgs } from "node:util";
import { closeConnection, getDb } from "@/db/client";
import { deliverPendingMail } from "@/lib/mail/outbox";
import { createPendingProvider } from "@/lib/operator/providers";
import { createProviderSchema } from "@/lib/validation/provider";

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-provider --name NAME --owner-email EMAIL [--teams-minimum N] [--enterprise-minimum N]
      Creates a pending provider and mails its owner a setup link.
`;

class UsageError extends Error {}

/** Numbers are checked by the same schema as the /admin form; text that is no number becomes NaN, which it refuses. */
function numberOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return value.trim() === "" ? Number.NaN : Number(value);
}

async function createProvider(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      name: { type: "string" },
      "owner-email": { type: "string" },
      "teams-minimum": { type: "string" },
      "enterprise-minimum": { type: "string" },
    },
  });
  const parsed = createProviderSchema.safeParse({
    name: values.name,
    ownerEmail: values["owner-email"],
    teamsMinimum: numberOption(values["teams-minimum"]),
    enterpriseMinimum: numberOption(values["enterprise-minimum"]),
  });
  if (!parsed.success) {
    const flags: Record<string, string> = { name: "--name", ownerEmail: "--owner-email", teamsMinimum: "--teams-minimum", enterpriseMinimum: "--enterprise-minimum" };
    const problems = parsed.error.issues.map((issue) => `${flags[String(issue.path[0])] ?? issue.path.join(".")}: ${issue.message}`);
    throw new UsageError(problems.join("\n"));
  }
  const db = await getDb();
  const created = await db.transaction((tx) => createPendingProvider(tx, parsed.data, null));
  const delivery = await deliverPendingMail([created.mailId]);
  console.log(`Created provider "${parsed.data.name}" (${created.providerId}), status pending.`);
  if (delivery.sent) console.log(`Setup link mailed to ${parsed.data.ownerEmail}.`);
  else if (delivery.logged) console.log(`No SMTP_URL is set: the setup mail for ${parsed.data.ownerEmail} is in /dev/mailbox.\nSetup link: ${created.setupUrl}`);
  else console.log(`The setup mail to ${parsed.data.ownerEmail} could not be sent yet; it will be retried. Setup link: ${created.setupUrl}`);
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = { "create-provider": createProvider };

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "help") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  try {
    await run(rest);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    console.error(`Failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await closeConnection().catch(() => {});
  }
}

process.exitCode = await main(process.argv.slice(2));
