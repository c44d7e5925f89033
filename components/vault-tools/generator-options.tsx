"use client";

import { TextField } from "@/components/ui/field";
import {
  CHARACTER_SET_NAMES,
  CHARACTER_SETS,
  type CharacterSet,
  type GeneratorLimits,
  type GeneratorOptions,
  MIN_COUNT,
  type PassphraseOptions,
  PASSPHRASE_WORDS,
  type PasswordOptions,
  PASSWORD_LENGTH,
  SEPARATOR_MAX_LENGTH,
} from "@/lib/generator";
import type { GeneratorType } from "@/lib/policies/types";
import { CheckboxOption, NumberOption } from "./generator-controls";

const SET_LABELS: Record<CharacterSet, string> = {
  uppercase: "Uppercase letters (A-Z)",
  lowercase: "Lowercase letters (a-z)",
  numbers: "Numbers (0-9)",
  special: `Special characters (${CHARACTER_SETS.special})`,
};

const TYPE_LABELS: Record<GeneratorType, string> = { password: "Password", passphrase: "Passphrase" };

function TypeSwitch({
  type,
  locked,
  onChange,
}: {
  type: GeneratorType;
  locked: boolean;
  onChange: (type: GeneratorType) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-semibold text-slate-800">Type</legend>
      <div className="flex gap-6">
        {(Object.keys(TYPE_LABELS) as GeneratorType[]).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="radio"
              name="generator-type"
              value={value}
              checked={type === value}
              disabled={locked && type !== value}
              onChange={() => onChange(value)}
              className="h-4 w-4 accent-brand-600"
            />
            {TYPE_LABELS[value]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

type SectionProps<T> = { options: T; limits: GeneratorLimits; onChange: (options: T) => void };

/**
 * Password options. Sets the policy requires are checked and locked; the last chosen set cannot be unchecked; a
 * minimum count applies only while its set is chosen.
 */
function PasswordSection({ options, limits, onChange }: SectionProps<PasswordOptions>) {
  const chosen = CHARACTER_SET_NAMES.filter((set) => options[set]);
  const set = (changes: Partial<PasswordOptions>) => onChange({ ...options, ...changes });
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberOption
          label="Length"
          value={options.length}
          min={limits.password.minLength}
          max={PASSWORD_LENGTH.max}
          onCommit={(length) => set({ length })}
        />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold text-slate-800">Include</legend>
        {CHARACTER_SET_NAMES.map((name) => (
          <CheckboxOption
            key={name}
            label={SET_LABELS[name]}
            checked={options[name]}
            disabled={limits.password.required[name] || (options[name] && chosen.length === 1)}
            onChange={(event) => set({ [name]: event.target.checked })}
          />
        ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberOption
          label="Minimum numbers"
          value={options.minNumbers}
          min={limits.password.minNumbers}
          max={MIN_COUNT.max}
          disabled={!options.numbers}
          onCommit={(minNumbers) => set({ minNumbers })}
        />
        <NumberOption
          label="Minimum special characters"
          value={options.minSpecial}
          min={limits.password.minSpecial}
          max={MIN_COUNT.max}
          disabled={!options.special}
          onCommit={(minSpecial) => set({ minSpecial })}
        />
      </div>
      <CheckboxOption
        label="Avoid ambiguous characters (I, O, l, 0, 1)"
        checked={options.avoidAmbiguous}
        onChange={(event) => set({ avoidAmbiguous: event.target.checked })}
      />
    </div>
  );
}

function PassphraseSection({ options, limits, onChange }: SectionProps<PassphraseOptions>) {
  const set = (changes: Partial<PassphraseOptions>) => onChange({ ...options, ...changes });
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberOption
          label="Number of words"
          value={options.words}
          min={limits.passphrase.minWords}
          max={PASSPHRASE_WORDS.max}
          onCommit={(words) => set({ words })}
        />
        <TextField
          label="Word separator"
          value={options.separator}
          maxLength={SEPARATOR_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          description="One character, or none."
          onChange={(event) => set({ separator: event.target.value.slice(0, SEPARATOR_MAX_LENGTH) })}
        />
      </div>
      <CheckboxOption
        label="Capitalize"
        checked={options.capitalize}
        disabled={limits.passphrase.capitalize}
        onChange={(event) => set({ capitalize: event.target.checked })}
      />
      <CheckboxOption
        label="Include number"
        checked={options.includeNumber}
        disabled={limits.passphrase.includeNumber}
        onChange={(event) => set({ includeNumber: event.target.checked })}
      />
    </div>
  );
}

/** Every option of the generator as labelled controls: the type, then the chosen type's options. */
export function GeneratorOptionsForm({ options, limits, onChange }: SectionProps<GeneratorOptions>) {
  return (
    <div className="flex flex-col gap-5">
      <TypeSwitch
        type={options.type}
        locked={limits.type !== null}
        onChange={(type) => onChange({ ...options, type })}
      />
      {options.type === "password" ? (
        <PasswordSection
          options={options.password}
          limits={limits}
          onChange={(password) => onChange({ ...options, password })}
        />
      ) : (
        <PassphraseSection
          options={options.passphrase}
          limits={limits}
          onChange={(passphrase) => onChange({ ...options, passphrase })}
        />
      )}
    </div>
  );
}
