import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SPECIAL_CHARACTERS, strengthLabel } from "@/lib/policies/master-password";
import type { MasterPasswordPolicyData } from "@/lib/policies/types";
import type { StrengthScore } from "@/lib/strength/password-strength";
import { CheckboxField } from "./checkbox-field";

const COMPLEXITY_OPTIONS = [
  { value: "0", label: "No minimum" },
  ...([1, 2, 3, 4] as const satisfies StrengthScore[]).map((score) => ({
    value: String(score),
    label: strengthLabel(score),
  })),
];

/** The master password policy's options; errors are keyed as the action reports them ("data.minLength"). */
export function MasterPasswordFields({
  defaults,
  errors,
}: {
  defaults: MasterPasswordPolicyData;
  errors: Record<string, string>;
}) {
  return (
    <>
      <SelectField
        label="Minimum complexity"
        name="minComplexity"
        options={COMPLEXITY_OPTIONS}
        defaultValue={String(defaults.minComplexity)}
        error={errors["data.minComplexity"]}
      />
      <TextField
        label="Minimum length"
        name="minLength"
        type="number"
        inputMode="numeric"
        min={12}
        max={128}
        required
        defaultValue={defaults.minLength}
        error={errors["data.minLength"]}
        description="From 12 to 128 characters."
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Require</legend>
        <CheckboxField label="Uppercase letters (A-Z)" name="requireUpper" defaultChecked={defaults.requireUpper} />
        <CheckboxField label="Lowercase letters (a-z)" name="requireLower" defaultChecked={defaults.requireLower} />
        <CheckboxField label="Numbers (0-9)" name="requireNumbers" defaultChecked={defaults.requireNumbers} />
        <CheckboxField
          label={`Special characters (${SPECIAL_CHARACTERS})`}
          name="requireSpecial"
          defaultChecked={defaults.requireSpecial}
        />
      </fieldset>
    </>
  );
}

/** The form's values as the schema takes them (numbers still text: the schema says what is wrong with them). */
export function readMasterPasswordFields(form: FormData) {
  return {
    minComplexity: form.get("minComplexity"),
    minLength: form.get("minLength"),
    requireUpper: form.get("requireUpper") === "on",
    requireLower: form.get("requireLower") === "on",
    requireNumbers: form.get("requireNumbers") === "on",
    requireSpecial: form.get("requireSpecial") === "on",
  };
}
