import { CLIENTS_PAGE_SIZE, listClients } from "@/lib/dal/clients";
import { clientAnswer } from "@/lib/provider-api/answers";
import { OPERATIONS } from "@/lib/provider-api/operations";
import { providerApiRoute } from "@/lib/provider-api/route";

export const dynamic = "force-dynamic";

export const GET = providerApiRoute(OPERATIONS.listClients, async ({ scope, query }) => {
  const { clients, total } = await listClients(scope, { search: query.search ?? "", page: query.page });
  return { clients: clients.map(clientAnswer), page: query.page, pageSize: CLIENTS_PAGE_SIZE, total };
});
