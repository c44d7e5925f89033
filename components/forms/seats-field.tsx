import type { ComponentProps } from "react";
import { TextField } from "@/components/ui/field";

type Props = Omit<ComponentProps<typeof TextField>, "label" | "name" | "type"> & { label?: string };

/** A whole number of seats (at least one unless `min` says otherwise), sent as the form field "seats". */
export function SeatsField({ label = "Seats", min = 1, ...input }: Props) {
  return <TextField label={label} name="seats" type="number" min={min} step={1} {...input} />;
}
