import { INVOICES_PER_PAGE, listInvoices } from "@/lib/dal/billing";
import { OPERATIONS } from "@/lib/provider-api/operations";
import { providerApiRoute } from "@/lib/provider-api/route";

export const dynamic = "force-dynamic";

export const GET = providerApiRoute(OPERATIONS.listInvoices, async ({ scope, query }) => {
  const { invoices, total } = await listInvoices(scope, query.page);
  return { invoices, page: query.page, pageSize: INVOICES_PER_PAGE, total };
});
