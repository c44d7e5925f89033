import type { BillingBasis } from "@/lib/enums";
import { EditPlansDialog } from "./edit-plans-dialog";
import { ProviderEnabledToggle } from "./provider-enabled-toggle";

type Provider = {
  id: string;
  name: string;
  enabled: boolean;
  clients: number;
  teamsMinimum: number;
  enterpriseMinimum: number;
  billingBasis: BillingBasis;
};

/** The buttons at the end of a provider's row; each dialog gets only the fields it shows. */
export function ProviderRowActions({
  provider: { id, name, enabled, clients, teamsMinimum, enterpriseMinimum, billingBasis },
}: {
  provider: Provider;
}) {
  return (
    <div className="flex justify-end gap-2 whitespace-nowrap">
      <EditPlansDialog provider={{ id, name, teamsMinimum, enterpriseMinimum, billingBasis }} />
      <ProviderEnabledToggle provider={{ id, name, enabled, clients }} />
    </div>
  );
}
