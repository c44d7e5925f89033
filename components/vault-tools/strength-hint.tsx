"use client";

import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";
import { type PasswordStrength, passwordStrength } from "@/lib/strength/password-strength";

const SEGMENTS = 4;
const TONES = ["bg-red-600", "bg-red-600", "bg-amber-500", "bg-emerald-600", "bg-emerald-700"] as const;

/**
 * How hard a password is to guess (zxcvbn, which loads on first use), as a label and a small meter. `userInputs`
 * are words a guesser knows about the account: its name, username, website. Nothing shows for an empty password.
 */
export function StrengthHint({
  password,
  userInputs = [],
  className,
}: {
  password: string;
  userInputs?: readonly string[];
  className?: string;
}) {
  const [rated, setRated] = useState<{ password: string; strength: PasswordStrength } | null>(null);
  // Joined, so a new array with the same words does not rate again.
  const inputsKey = userInputs.join("\n");

  useEffect(() => {
    if (password === "") return;
    let current = true;
    passwordStrength(password, inputsKey === "" ? [] : inputsKey.split("\n"))
      .then((strength) => current && setRated({ password, strength }))
      .catch(() => current && setRated(null));
    return () => {
      current = false;
    };
  }, [password, inputsKey]);

  if (password === "" || !rated) return null;
  const { score, label } = rated.strength;
  // Zxcvbn's 0 and 1 are both "Very weak": one segment each.
  const filled = Math.max(1, score);
  return (
    <div
      className={cn("flex items-center gap-2 text-xs", className)}
      aria-busy={rated.password !== password || undefined}
    >
      <div
        role="meter"
        aria-label="Password strength"
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={score}
        aria-valuetext={label}
        className="flex gap-0.5"
      >
        {Array.from({ length: SEGMENTS }, (_, index) => (
          <span key={index} className={cn("h-1.5 w-6 rounded-full", index < filled ? TONES[score] : "bg-slate-200")} />
        ))}
      </div>
      <span className="font-medium text-slate-700">{label}</span>
    </div>
  );
}
