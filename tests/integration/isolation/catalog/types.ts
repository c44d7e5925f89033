import type { DemoIds } from "../../../support/demo";
import type { Role } from "../roles";

/**
 * One server action, a plausible input aimed at the demo tenant ("Demo MSP", "My Client's Organization"), and
 * the roles that may perform it. Inputs are valid, so a refusal is about authorization, not input.
 */
export type IsolationEntry = {
  name: string;
  action: (input: never) => Promise<{ ok: boolean }>;
  /**
   * Whether the action gives someone a role, a Custom flag, a membership, access to collections or a key in an
   * existing tenant: every such action must be in the escalation matrix (tests/integration/escalation).
   */
  grants: boolean;
  /** Public actions (registration) have no tenant to protect. */
  public?: true;
  allowed: readonly Role[];
  input: (demo: DemoIds) => unknown;
};
