import { getInvoiceWithItems } from "@/lib/dal/billing";
import { invoiceAnswer } from "@/lib/provider-api/answers";
import { OPERATIONS } from "@/lib/provider-api/operations";
import { notFoundProblem, providerApiRoute } from "@/lib/provider-api/route";

export const dynamic = "force-dynamic";

export const GET = providerApiRoute(OPERATIONS.getInvoice, async ({ scope, params }) => {
  const invoice = await getInvoiceWithItems(scope, params.invoiceId);
  if (!invoice) throw notFoundProblem();
  return invoiceAnswer(invoice);
});
