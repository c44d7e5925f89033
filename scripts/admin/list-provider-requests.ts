/** `list-provider-requests`: the "Become a provider" requests waiting for an operator, oldest first. */
import { parseArgs } from "node:util";
import { getDb } from "@/db/client";
import { type PendingProviderRequest, pendingProviderRequests } from "@/lib/dal/provider-requests";
import { planLabel } from "@/lib/plans";

export const usage =
  'list-provider-requests\n      Lists the pending "Become a provider" requests, oldest first, with the ids to approve or reject.';

const TYPE_LABELS: Record<PendingProviderRequest["type"], string> = {
  msp: "MSP",
  reseller: "Reseller",
  business_unit: "Business unit",
};

export async function run(args: string[]): Promise<void> {
  parseArgs({ args, strict: true, options: {} });
  const { rows, total } = await pendingProviderRequests(await getDb());
  if (rows.length === 0) {
    console.log("No provider requests are waiting.");
    return;
  }
  console.log(total === 1 ? "1 provider request is waiting:" : `${total} provider requests are waiting, oldest first:`);
  for (const request of rows) {
    console.log("");
    console.log(`${request.id}  "${request.businessName}" (${TYPE_LABELS[request.type]})`);
    console.log(`  Billing email:         ${request.billingEmail}`);
    console.log(`  Requested by:          ${request.requesterName} <${request.requesterEmail}>`);
    console.log(`  Internal organization: ${request.organizationName} (${planLabel(request.organizationPlan)})`);
    if (request.firstClientName) console.log(`  First client:          ${request.firstClientName}`);
    console.log(`  Submitted:             ${request.createdAt.toISOString()}`);
  }
  if (total > rows.length) console.log(`\nShowing the oldest ${rows.length} of ${total}.`);
}
