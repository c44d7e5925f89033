import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireProviderScope } from "@/lib/authz/scope";
import { listClientChoices, listClientGroups } from "@/lib/dal/provider-scopes";
import { ClientGroupsManager } from "./client-groups-manager";

export const metadata: Metadata = { title: "Client groups" };

/** The provider's client groups (DESIGN §13): labels such as "Dental practices" that service users can be scoped to. */
export default async function ClientGroupsPage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const scope = await requireProviderScope(providerId, "provider.client_access.manage");
  const [groups, clients] = await Promise.all([listClientGroups(scope), listClientChoices(scope)]);
  return (
    <>
      <PageHeader
        title="Client groups"
        description="Group clients (a client can be in several groups), then give service users a group on the Members page: they reach every client in it, including clients added later."
      />
      <ClientGroupsManager providerId={scope.providerId} groups={groups} clients={clients} />
    </>
  );
}
