import { notFound } from "next/navigation";
import { requireProviderScope } from "@/lib/authz/scope";
import { getInvoiceWithItems } from "@/lib/dal/billing";
import { csvResponse } from "@/lib/csv";
import { invoiceCsv } from "./invoice-csv";

export const dynamic = "force-dynamic";

/** An invoice of the provider as a CSV download; another provider's invoice, or none, is a 404 like a foreign tenant. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ providerId: string; invoiceId: string }> },
) {
  const { providerId, invoiceId } = await params;
  const scope = await requireProviderScope(providerId, "provider.billing.view");
  const invoice = await getInvoiceWithItems(scope, invoiceId);
  if (!invoice) notFound();
  return csvResponse(`${invoice.number}.csv`, invoiceCsv(invoice));
}
