import { TextField } from "@/components/ui/field";

type SeatMinimums = { teamsMinimum: number; enterpriseMinimum: number };

/** The two plan minimums, as the new-provider and edit dialogs ask for them. */
export function SeatMinimumFields({ defaults, errors }: { defaults: SeatMinimums; errors: Record<string, string> }) {
  const common = { type: "number", inputMode: "numeric", min: 0, max: 100_000, step: 1, required: true } as const;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label="Teams seat minimum"
        name="teamsMinimum"
        defaultValue={defaults.teamsMinimum}
        error={errors.teamsMinimum}
        {...common}
      />
      <TextField
        label="Enterprise seat minimum"
        name="enterpriseMinimum"
        defaultValue={defaults.enterpriseMinimum}
        error={errors.enterpriseMinimum}
        {...common}
      />
    </div>
  );
}

/**
 * The minimums as typed. An empty field is left out (the schema then says what it needs); anything else is
 * read as a number, so "1.5" or "-1" reach the schema and get its sentence rather than being rounded away.
 */
export function readSeatMinimums(form: FormData): Partial<SeatMinimums> {
  return {
    teamsMinimum: seatValue(form.get("teamsMinimum")),
    enterpriseMinimum: seatValue(form.get("enterpriseMinimum")),
  };
}

function seatValue(value: FormDataEntryValue | null): number | undefined {
  return typeof value === "string" && value.trim() !== "" ? Number(value) : undefined;
}
