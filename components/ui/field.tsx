import { type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes, useId } from "react";
import { cn } from "./cn";

type FieldProps = {
  label: string;
  error?: string;
  description?: ReactNode;
};

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & FieldProps;
type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps;

const controlClasses = (error: string | undefined) =>
  cn(
    "rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100",
    error ? "border-red-500" : "border-slate-300",
  );

/** The ids a control needs so its error and description are announced with it. */
function useFieldIds(id: string | undefined, { error, description }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const errorId = `${controlId}-error`;
  const descriptionId = `${controlId}-description`;
  const describedBy = [error ? errorId : null, description ? descriptionId : null].filter(Boolean).join(" ");
  return { controlId, errorId, descriptionId, describedBy: describedBy || undefined };
}

/** The label above a control, and its description and error below it. */
function FieldFrame({
  label,
  error,
  description,
  required,
  className,
  ids,
  children,
}: FieldProps & { required?: boolean; className?: string; ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex gap-1 text-sm font-medium text-slate-800">
        <label htmlFor={ids.controlId}>{label}</label>
        {required ? (
          <span aria-hidden="true" className="text-red-600">
            *
          </span>
        ) : null}
      </div>
      {children}
      {description ? (
        <p id={ids.descriptionId} className="text-xs text-slate-600">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={ids.errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input whose error and description are announced with it. */
export function TextField({ label, error, description, className, id, ...input }: TextFieldProps) {
  const ids = useFieldIds(id, { label, error, description });
  return (
    <FieldFrame
      label={label}
      error={error}
      description={description}
      required={input.required}
      className={className}
      ids={ids}
    >
      <input
        id={ids.controlId}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className={controlClasses(error)}
        {...input}
      />
    </FieldFrame>
  );
}

/** A labelled multi-line input, like TextField. */
export function TextAreaField({ label, error, description, className, id, rows = 4, ...textarea }: TextAreaFieldProps) {
  const ids = useFieldIds(id, { label, error, description });
  return (
    <FieldFrame
      label={label}
      error={error}
      description={description}
      required={textarea.required}
      className={className}
      ids={ids}
    >
      <textarea
        id={ids.controlId}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className={controlClasses(error)}
        {...textarea}
      />
    </FieldFrame>
  );
}
