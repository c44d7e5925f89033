"use client";

import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import { useHydrated } from "@/components/ui/use-hydrated";
import {
  applyGeneratorRules,
  DEFAULT_GENERATOR_OPTIONS,
  generate,
  type GeneratorOptions,
  generatorLimits,
} from "@/lib/generator";
import type { GeneratorRules } from "@/lib/policies/generator";
import { CopyButton } from "./copy-button";
import { GeneratorHistory } from "./generator-history";
import { GeneratorOptionsForm } from "./generator-options";
import { useGeneratorHistory } from "./use-generator-history";

type PasswordGeneratorProps = {
  /** The organization's effective rules (`policiesForUser(scope).generator`); null when no policy applies. */
  rules: GeneratorRules | null;
  /** Given, a "Use this password" button hands the value to an item form. */
  onUse?: (value: string) => void;
  className?: string;
};

/** Numbers in blue and special characters in red, as Bitwarden shows them, so look-alikes are told apart. */
function ColoredValue({ value }: { value: string }) {
  return [...value].map((character, index) => (
    <span
      key={index}
      className={cn(/[0-9]/.test(character) && "text-blue-700", /[^\p{L}\p{N}]/u.test(character) && "text-red-700")}
    >
      {character}
    </span>
  ));
}

function initialState(rules: GeneratorRules | null): { options: GeneratorOptions; value: string } {
  const { options } = applyGeneratorRules(
    { ...DEFAULT_GENERATOR_OPTIONS, type: rules?.defaultType ?? DEFAULT_GENERATOR_OPTIONS.type },
    rules,
  );
  return { options, value: generate(options) };
}

function GeneratorPanel({ rules, onUse, className }: PasswordGeneratorProps) {
  const valueId = useId();
  const [{ options, value }, setState] = useState(() => initialState(rules));
  const history = useGeneratorHistory();
  const limits = generatorLimits(rules);
  const { enforced } = applyGeneratorRules(options, rules);
  const noun = options.type === "password" ? "password" : "passphrase";
  const label = options.type === "password" ? "Password" : "Passphrase";

  // Every change generates afresh, within the policy.
  function change(next: GeneratorOptions) {
    const applied = applyGeneratorRules(next, rules).options;
    setState({ options: applied, value: generate(applied) });
  }

  return (
    // Side by side only where the container is wide: in an item form's dialog the history goes below.
    <div className={cn("@container", className)}>
      <div className="grid gap-6 @3xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="flex flex-col gap-5">
          <div className="flex flex-col gap-2">
            <label htmlFor={valueId} className="text-sm font-medium text-slate-800">
              Generated {noun}
            </label>
            {/* Not a live region: a new value is not read out on every change. */}
            <output
              id={valueId}
              aria-live="off"
              className="block min-h-12 rounded-md border border-slate-300 bg-slate-50 px-3 py-3 font-mono text-lg wrap-anywhere"
            >
              <ColoredValue value={value} />
            </output>
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => change(options)}>
                Regenerate {noun}
              </Button>
              <CopyButton
                value={value}
                label={label}
                variant={onUse ? "secondary" : "primary"}
                onCopied={() => history.add(value)}
              />
              {onUse ? (
                <Button
                  onClick={() => {
                    history.add(value);
                    onUse(value);
                  }}
                >
                  Use this {noun}
                </Button>
              ) : null}
            </div>
          </div>
          {enforced.length > 0 ? (
            <Alert title="Your organization's policy applies">
              <ul className="mt-1 list-disc pl-5">
                {enforced.map((requirement) => (
                  <li key={requirement}>{requirement}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <GeneratorOptionsForm options={options} limits={limits} onChange={change} />
        </Card>
        <Card>
          <GeneratorHistory entries={history.entries} onClear={history.clear} />
        </Card>
      </div>
    </div>
  );
}

/**
 * The password and passphrase generator: the value, Regenerate, Copy and (for item forms) "Use this password",
 * every option, what the organization's policy enforces, and this tab's history. Values come from the browser's
 * cryptographic randomness, so nothing is generated on the server render. Place it inside the vault's
 * KeyringProvider: the history is encrypted under the user key.
 */
export function PasswordGenerator(props: PasswordGeneratorProps) {
  const hydrated = useHydrated();
  if (!hydrated) return <Spinner label="Preparing the generator…" />;
  return <GeneratorPanel {...props} />;
}
