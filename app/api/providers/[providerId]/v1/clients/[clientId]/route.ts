import { unlinkClientAction, updateClientAction } from "@/app/(portal)/providers/[providerId]/clients/actions";
import type { ProviderScope } from "@/lib/authz/scope-brand";
import { listClients } from "@/lib/dal/clients";
import { clientAnswer } from "@/lib/provider-api/answers";
import { OPERATIONS } from "@/lib/provider-api/operations";
import { notFoundProblem, providerApiRoute, unwrap } from "@/lib/provider-api/route";

export const dynamic = "force-dynamic";

/** The client as the clients table shows it, if it is the provider's and in reach of the key's maker. */
async function readClient(scope: ProviderScope, clientId: string) {
  const { clients } = await listClients(scope, { search: "", page: 1, only: clientId });
  if (!clients[0]) throw notFoundProblem();
  return clients[0];
}

export const GET = providerApiRoute(OPERATIONS.getClient, async ({ scope, params }) =>
  clientAnswer(await readClient(scope, params.clientId)),
);

/** The portal's Edit client action: what the body leaves out stays as the locked row has it. */
export const PATCH = providerApiRoute(OPERATIONS.updateClient, async ({ scope, params, body }) => {
  unwrap(await updateClientAction({ providerId: params.providerId, organizationId: params.clientId, ...body }));
  return clientAnswer(await readClient(scope, params.clientId));
});

export const DELETE = providerApiRoute(OPERATIONS.unlinkClient, async ({ params }) => {
  unwrap(await unlinkClientAction({ providerId: params.providerId, organizationId: params.clientId }));
});
