import { findPendingClient } from "@/lib/dal/pending-clients";
import { pendingClientAnswer } from "@/lib/provider-api/answers";
import { OPERATIONS } from "@/lib/provider-api/operations";
import { notFoundProblem, providerApiRoute } from "@/lib/provider-api/route";

export const dynamic = "force-dynamic";

export const GET = providerApiRoute(OPERATIONS.getPendingClient, async ({ scope, params }) => {
  const pending = await findPendingClient(scope, params.pendingClientId);
  if (!pending) throw notFoundProblem();
  return pendingClientAnswer(pending);
});
