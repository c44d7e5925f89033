"use client";

import type { ButtonHTMLAttributes } from "react";
import { type ButtonVariant, buttonClasses } from "./button-classes";
import { Spinner } from "./spinner";
import { useHydrated } from "./use-hydrated";

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; loading?: boolean };

/**
 * A button that shows a spinner and stays disabled while its work runs. A submit button also stays disabled until
 * the page is hydrated: before that, the browser would submit the form natively, putting its fields (a master
 * password) into the URL.
 */
export function Button({
  variant = "primary",
  loading = false,
  className,
  children,
  disabled,
  type,
  ...rest
}: ButtonProps) {
  const hydrated = useHydrated();
  return (
    <button
      type={type ?? "button"}
      className={buttonClasses(variant, className)}
      disabled={disabled || loading || (type === "submit" && !hydrated)}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? <Spinner /> : null}
      {children}
    </button>
  );
}
