import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgScope } from "@/lib/authz/scope";
import { getOrganizationMove } from "@/lib/dal/client-moves";
import { getOrganization } from "@/lib/dal/organizations";
import { MoveForm } from "./move-form";

export const metadata: Metadata = { title: "Provider" };

/** The owner chooses the organization's provider (issue 15): a move code from the new one moves it there. */
export default async function ProviderSettingsPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { organizationId } = await params;
  const scope = await requireOrgScope(organizationId, "org.provider.move");
  const [organization, move] = await Promise.all([getOrganization(scope), getOrganizationMove(scope)]);
  return (
    <>
      <PageHeader
        title="Provider"
        description={
          organization.providerName
            ? `${organization.providerName} manages ${organization.name}. To move to another provider, enter a move code from it: the new provider completes the move, and ${organization.providerName} is told and loses access when it does.`
            : `No provider manages ${organization.name}. To have one manage it, enter a move code from that provider: it completes the move and then reaches the organization's console (never its items without your approval).`
        }
      />
      <MoveForm organizationId={organizationId} organizationName={organization.name} move={move} />
    </>
  );
}
