import { passwordStrength, STRENGTH_LABELS, type StrengthScore } from "@/lib/strength/password-strength";
import type { MasterPasswordPolicyData } from "./types";

/**
 * Master password requirements are checked only in the browser: the server never sees the password (DESIGN §4),
 * exactly as in Bitwarden. These functions are what the registration, join and change-password forms call.
 */

export type MasterPasswordRequirements = MasterPasswordPolicyData;

/** Bitwarden's special characters for master passwords and the generator. */
export const SPECIAL_CHARACTERS = "!@#$%^&*";

/** A score as forms name it: "Good (3)". */
export function strengthLabel(score: StrengthScore): string {
  return `${STRENGTH_LABELS[score]} (${score})`;
}

/**
 * The requirements `password` does not meet, each as a sentence telling the person what to change; an empty
 * list means it complies. `userInputs` are the person's email and name.
 */
export async function checkMasterPassword(
  password: string,
  requirements: MasterPasswordRequirements,
  userInputs: readonly string[] = [],
): Promise<string[]> {
  const unmet: string[] = [];
  // Characters, not UTF-16 units: an emoji is one character to the person typing it.
  if ([...password].length < requirements.minLength) unmet.push(`Use at least ${requirements.minLength} characters.`);
  if (requirements.requireUpper && !/\p{Lu}/u.test(password)) unmet.push("Include at least one uppercase letter.");
  if (requirements.requireLower && !/\p{Ll}/u.test(password)) unmet.push("Include at least one lowercase letter.");
  if (requirements.requireNumbers && !/[0-9]/.test(password)) unmet.push("Include at least one number (0-9).");
  if (requirements.requireSpecial && ![...SPECIAL_CHARACTERS].some((character) => password.includes(character))) {
    unmet.push(`Include at least one special character (${SPECIAL_CHARACTERS}).`);
  }
  if (requirements.minComplexity > 0) {
    const { score } = await passwordStrength(password, userInputs);
    if (score < requirements.minComplexity) {
      unmet.push(
        `Choose a stronger password: this one rates ${strengthLabel(score)}, and ${strengthLabel(requirements.minComplexity as StrengthScore)} or better is required.`,
      );
    }
  }
  return unmet;
}

/** The requirements as a phrase for forms to show before anyone types: "at least 20 characters and a number (0-9)". */
export function describeMasterPasswordRequirements(requirements: MasterPasswordRequirements): string {
  const parts = [`at least ${requirements.minLength} characters`];
  if (requirements.requireUpper) parts.push("an uppercase letter");
  if (requirements.requireLower) parts.push("a lowercase letter");
  if (requirements.requireNumbers) parts.push("a number (0-9)");
  if (requirements.requireSpecial) parts.push(`a special character (${SPECIAL_CHARACTERS})`);
  if (requirements.minComplexity > 0)
    parts.push(`a strength of ${strengthLabel(requirements.minComplexity as StrengthScore)} or better`);
  const last = parts.pop()!;
  return parts.length > 0 ? `${parts.join(", ")} and ${last}` : last;
}

/**
 * The strictest combination of several organizations' requirements (a person in two organizations must satisfy
 * both): the highest minimums, and every character class any of them requires. None given → null.
 */
export function combineMasterPasswordPolicies(
  policies: readonly MasterPasswordPolicyData[],
): MasterPasswordRequirements | null {
  if (policies.length === 0) return null;
  return policies.reduce((combined, policy) => ({
    minComplexity: Math.max(combined.minComplexity, policy.minComplexity),
    minLength: Math.max(combined.minLength, policy.minLength),
    requireUpper: combined.requireUpper || policy.requireUpper,
    requireLower: combined.requireLower || policy.requireLower,
    requireNumbers: combined.requireNumbers || policy.requireNumbers,
    requireSpecial: combined.requireSpecial || policy.requireSpecial,
  }));
}
