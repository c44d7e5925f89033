"use client";

import { type FormEvent, useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { ChoiceList } from "@/components/provider/choice-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ProviderAccessSettings } from "@/lib/dal/provider-access";
import type { ProviderAccessRule } from "@/lib/enums";
import { setProviderAccessRuleAction } from "../../provider-access/actions";

const RULES: { value: ProviderAccessRule; label: string; description: string }[] = [
  {
    value: "never",
    label: "Never allow",
    description:
      "Requests are refused before anyone is asked. Saving it ends any access in force and withdraws waiting requests.",
  },
  {
    value: "ask",
    label: "Always ask",
    description: "Owners and admins get a mail for each request and approve or deny it. The default.",
  },
  {
    value: "named",
    label: "Allow named technicians",
    description: "Requests from the technicians chosen below are approved at once, as asked; everyone else still asks.",
  },
];

export function ProviderAccessRuleForm({
  organizationId,
  settings,
}: {
  organizationId: string;
  settings: NonNullable<ProviderAccessSettings>;
}) {
  const [rule, setRule] = useState<ProviderAccessRule>(settings.rule);
  const [named, setNamed] = useState<string[]>(
    settings.technicians.filter((technician) => technician.named).map((technician) => technician.id),
  );
  const save = useAction(setProviderAccessRuleAction, { success: () => "The provider access rule was saved." });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await save.run({ organizationId, rule, technicianIds: rule === "named" ? named : [] });
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {save.error ? <Alert tone="error">{save.error}</Alert> : null}
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-sm font-medium text-slate-800">Requests from {settings.providerName}</legend>
          {RULES.map((option) => (
            <label key={option.value} className="flex items-start gap-3 text-sm">
              <input
                type="radio"
                name="rule"
                value={option.value}
                checked={rule === option.value}
                onChange={() => setRule(option.value)}
                className="mt-1"
              />
              <span>
                <span className="block font-medium">{option.label}</span>
                <span className="block text-slate-600">{option.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {rule === "named" ? (
          <ChoiceList
            legend="Technicians approved at once"
            noun="technicians"
            choices={settings.technicians.map((technician) => ({
              id: technician.id,
              name: technician.name ? `${technician.name} (${technician.email})` : technician.email,
            }))}
            selected={named}
            onChange={setNamed}
          />
        ) : null}
        <div>
          <Button type="submit" loading={save.busy}>
            Save rule
          </Button>
        </div>
      </form>
    </Card>
  );
}
