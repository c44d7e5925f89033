/** `create-provider`: a pending provider whose owner gets a setup link by mail. */
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { deliverPendingMail } from "@/lib/mail/outbox";
import { commandLineContext } from "@/lib/operator/command-context";
import { createPendingProvider } from "@/lib/operator/providers";
import { createProviderSchema } from "@/lib/validation/provider";
import { numberOption, UsageError } from "./usage";

export const usage =
  "create-provider --name NAME --owner-email EMAIL [--teams-minimum N] [--enterprise-minimum N]\n      Creates a pending provider and mails its owner a setup link.";

export async function run(args: string[]): Promise<void> {
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
    const flags: Record<string, string> = {
      name: "--name",
      ownerEmail: "--owner-email",
      teamsMinimum: "--teams-minimum",
      enterpriseMinimum: "--enterprise-minimum",
    };
    const problems = parsed.error.issues.map(
      (issue) => `${flags[String(issue.path[0])] ?? issue.path.join(".")}: ${issue.message}`,
    );
    throw new UsageError(problems.join("\n"));
  }
  const db = await getDb();
  const { created, queuedMail } = await db.transaction(async (tx) => {
    const context = commandLineContext(tx);
    return { created: await createPendingProvider(context, parsed.data), queuedMail: context.queuedMail };
  });
  const delivery = await deliverPendingMail(queuedMail);
  console.log(`Created provider "${parsed.data.name}" (${created.providerId}), status pending.`);
  if (delivery.sent) console.log(`Setup link mailed to ${parsed.data.ownerEmail}.`);
  else if (delivery.logged)
    console.log(
      `No SMTP_URL is set: the setup mail for ${parsed.data.ownerEmail} is in /dev/mailbox.\nSetup link: ${created.setupUrl}`,
    );
  else
    console.log(
      `The setup mail to ${parsed.data.ownerEmail} could not be sent yet; it will be retried. Setup link: ${created.setupUrl}`,
    );
}
