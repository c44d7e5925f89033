import { CLIENTS_PAGE_SIZE, listClients } from "@/lib/dal/clients";
import { requestClientAction } from "@/app/(portal)/providers/[providerId]/clients/actions";
import { clientAnswer, pendingClientAnswer } from "@/lib/provider-api/answers";
import { OPERATIONS } from "@/lib/provider-api/operations";
import { providerApiRoute, unwrap } from "@/lib/provider-api/route";

export const dynamic = "force-dynamic";

export const GET = providerApiRoute(OPERATIONS.listClients, async ({ scope, query }) => {
  const { clients, total } = await listClients(scope, { search: query.search ?? "", page: query.page });
  return { clients: clients.map(clientAnswer), page: query.page, pageSize: CLIENTS_PAGE_SIZE, total };
});

/** Asks for a client: it waits for a provider member's browser to make its keys (see the operation's description). */
export const POST = providerApiRoute(OPERATIONS.createClient, async ({ params, body }) => {
  const { pending } = unwrap(await requestClientAction({ providerId: params.providerId, ...body }));
  return pendingClientAnswer(pending);
});
