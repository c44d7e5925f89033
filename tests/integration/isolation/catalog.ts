import { register } from "@/app/(auth)/register/actions";
import type { DemoIds } from "../../support/demo";
import type { Role } from "./roles";

/**
 * Every exported server action, with a plausible input aimed at the demo tenant and the roles that may perform
 * it. The isolation test fails when an action exists that is not listed here, so every feature adds its rows.
 * Inputs target demo data ("My Client's Organization", "Demo MSP") so a refusal is about authorization, not input.
 */
export type IsolationEntry = {
  name: string;
  action: (input: never) => Promise<{ ok: boolean }>;
  /** Public actions (registration) have no tenant to protect. */
  public?: true;
  allowed: readonly Role[];
  input: (demo: DemoIds) => unknown;
};

export const ISOLATION_CATALOG: IsolationEntry[] = [
  {
    name: "account.register",
    action: register,
    public: true,
    allowed: [],
    input: () => ({}),
  },
];
