import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireProviderScope } from "@/lib/authz/scope";
import { listBaselineDrift } from "@/lib/dal/provider-baselines";
import { listClientChoices, listClientGroups } from "@/lib/dal/provider-scopes";
import { BaselineManager } from "./baseline-manager";

export const metadata: Metadata = { title: "Policy baseline" };

/** The provider's policy baseline: its policies, the clients it covers and how each of them compares. */
export default async function BaselinePage({ params }: { params: Promise<{ providerId: string }> }) {
  const { providerId } = await params;
  const scope = await requireProviderScope(providerId, "provider.baseline.manage");
  const [{ baseline, clients }, choices, groups] = await Promise.all([
    listBaselineDrift(scope),
    listClientChoices(scope),
    listClientGroups(scope),
  ]);
  return (
    <>
      <PageHeader
        title="Policy baseline"
        description="The policies your clients should have on, and how strict. A client's owner may still be stricter; applying the baseline raises only what is off or weaker, and each change shows in that client's event log with your provider's name."
      />
      <BaselineManager
        providerId={scope.providerId}
        baseline={baseline}
        clients={clients}
        clientChoices={choices}
        groups={groups}
      />
    </>
  );
}
