"use client";

import { useMemo } from "react";
import { cn } from "@/components/ui/cn";
import { TotpError, totpFromSecret, type TotpGenerator } from "@/lib/totp";
import { CopyButton } from "./copy-button";
import { useSecondsClock } from "./use-seconds-clock";

/** "123456" → "123 456", "12345678" → "1234 5678": easier to read and type (Bitwarden groups codes too). */
function grouped(code: string): string {
  if (code.length <= 4) return code;
  const half = Math.floor(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}

function generatorFor(secret: string): { totp: TotpGenerator } | { error: string } {
  try {
    return { totp: totpFromSecret(secret) };
  } catch (error) {
    return { error: error instanceof TotpError ? error.message : "This authenticator key is not valid." };
  }
}

const RING_RADIUS = 15;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;
/** The last seconds of a code turn the ring red: too little time left to type it. */
const HURRY_SECONDS = 5;

/** The time left as a shrinking ring with the seconds inside; decorative, the timer's label says the same. */
function CountdownRing({ remaining, period }: { remaining: number; period: number }) {
  const hurry = remaining <= HURRY_SECONDS;
  return (
    <span aria-hidden="true" className="relative inline-flex size-9 shrink-0 items-center justify-center">
      <svg viewBox="0 0 36 36" className="absolute inset-0 size-9 -rotate-90">
        <circle cx="18" cy="18" r={RING_RADIUS} fill="none" strokeWidth="3" className="stroke-slate-200" />
        <circle
          cx="18"
          cy="18"
          r={RING_RADIUS}
          fill="none"
          strokeWidth="3"
          strokeLinecap="round"
          strokeDasharray={RING_LENGTH}
          strokeDashoffset={RING_LENGTH * (1 - remaining / period)}
          className={cn(
            "transition-[stroke-dashoffset] duration-1000 ease-linear",
            hurry ? "stroke-red-600" : "stroke-brand-600",
          )}
        />
      </svg>
      <span className={cn("text-xs font-semibold tabular-nums", hurry ? "text-red-700" : "text-slate-700")}>
        {remaining}
      </span>
    </span>
  );
}

/**
 * An item's current verification code with the seconds it has left, and a Copy button. The code and countdown
 * form a timer, which screen readers do not announce on every tick; its label reads the code and the time left.
 */
export function TotpCode({ secret, className }: { secret: string; className?: string }) {
  const generator = useMemo(() => generatorFor(secret), [secret]);
  const seconds = useSecondsClock();
  if ("error" in generator) return <p className={cn("text-sm text-red-700", className)}>{generator.error}</p>;
  if (seconds === null) return null;
  const { totp } = generator;
  const now = seconds * 1000;
  const code = totp.code(now);
  const remaining = totp.secondsRemaining(now);
  return (
    <div className={cn("flex items-center gap-3", className)}>
      <span
        role="timer"
        aria-label={`Verification code ${grouped(code)}, ${remaining} ${remaining === 1 ? "second" : "seconds"} left`}
        className="inline-flex items-center gap-3"
      >
        <span className="font-mono text-lg tracking-wider tabular-nums">{grouped(code)}</span>
        <CountdownRing remaining={remaining} period={totp.period} />
      </span>
      <CopyButton value={code} label="Verification code" />
    </div>
  );
}
