import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { SPECIAL_CHARACTERS } from "@/lib/policies/master-password";
import type { PasswordGeneratorPolicyData } from "@/lib/policies/types";
import { CheckboxField } from "./checkbox-field";

const TYPE_OPTIONS = [
  { value: "", label: "The member's choice" },
  { value: "password", label: "Password" },
  { value: "passphrase", label: "Passphrase" },
];

type Errors = Record<string, string>;

function NumberField({
  label,
  name,
  min,
  max,
  value,
  errors,
}: {
  label: string;
  name: string;
  min: number;
  max: number;
  value: number;
  errors: Errors;
}) {
  return (
    <TextField
      label={label}
      name={name}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      required
      defaultValue={value}
      error={errors[`data.${name}`]}
      description={`From ${min} to ${max}.`}
    />
  );
}

/** The password generator policy's options: the least the generator may produce. */
export function GeneratorFields({ defaults, errors }: { defaults: PasswordGeneratorPolicyData; errors: Errors }) {
  return (
    <>
      <SelectField
        label="Default type"
        name="defaultType"
        options={TYPE_OPTIONS}
        defaultValue={defaults.defaultType ?? ""}
        error={errors["data.defaultType"]}
      />
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">Passwords</legend>
        <NumberField
          label="Minimum length"
          name="minLength"
          min={5}
          max={128}
          value={defaults.minLength}
          errors={errors}
        />
        <CheckboxField label="Uppercase letters (A-Z)" name="useUpper" defaultChecked={defaults.useUpper} />
        <CheckboxField label="Lowercase letters (a-z)" name="useLower" defaultChecked={defaults.useLower} />
        <CheckboxField label="Numbers (0-9)" name="useNumbers" defaultChecked={defaults.useNumbers} />
        <CheckboxField
          label={`Special characters (${SPECIAL_CHARACTERS})`}
          name="useSpecial"
          defaultChecked={defaults.useSpecial}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <NumberField
            label="Minimum numbers"
            name="minNumbers"
            min={0}
            max={9}
            value={defaults.minNumbers}
            errors={errors}
          />
          <NumberField
            label="Minimum special characters"
            name="minSpecial"
            min={0}
            max={9}
            value={defaults.minSpecial}
            errors={errors}
          />
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">Passphrases</legend>
        <NumberField
          label="Minimum number of words"
          name="minWords"
          min={3}
          max={20}
          value={defaults.minWords}
          errors={errors}
        />
        <CheckboxField label="Capitalize words" name="capitalize" defaultChecked={defaults.capitalize} />
        <CheckboxField label="Include a number" name="includeNumber" defaultChecked={defaults.includeNumber} />
      </fieldset>
    </>
  );
}

export function readGeneratorFields(form: FormData) {
  const checked = (name: string) => form.get(name) === "on";
  return {
    defaultType: form.get("defaultType"),
    minLength: form.get("minLength"),
    useUpper: checked("useUpper"),
    useLower: checked("useLower"),
    useNumbers: checked("useNumbers"),
    useSpecial: checked("useSpecial"),
    minNumbers: form.get("minNumbers"),
    minSpecial: form.get("minSpecial"),
    minWords: form.get("minWords"),
    capitalize: checked("capitalize"),
    includeNumber: checked("includeNumber"),
  };
}
