import { describe, expect, it } from "vitest";
import { clientDrift, needsBaseline, policyDrift, strictestPolicyData } from "@/lib/policies/baseline";
import { POLICY_DEFAULTS } from "@/lib/policies/types";

const baselinePassword = { ...POLICY_DEFAULTS.master_password, minLength: 14, requireNumbers: true };

describe("a client's policy against the baseline", () => {
  it("is missing when never saved or off, whatever its options", () => {
    expect(policyDrift("master_password", baselinePassword, undefined)).toBe("missing");
    expect(policyDrift("master_password", baselinePassword, { enabled: false, data: baselinePassword })).toBe(
      "missing",
    );
    expect(policyDrift("single_org", null, { enabled: false, data: null })).toBe("missing");
  });

  it("matches when on with the same options, and a policy without options matches when on", () => {
    expect(policyDrift("master_password", baselinePassword, { enabled: true, data: baselinePassword })).toBe("matches");
    expect(policyDrift("two_factor_authentication", null, { enabled: true, data: null })).toBe("matches");
  });

  it("is weaker when one option is lower or a requirement is dropped, even if another is stricter", () => {
    const shorter = { ...baselinePassword, minLength: 12 };
    const noNumbers = { ...baselinePassword, requireNumbers: false };
    const mixed = { ...baselinePassword, minLength: 20, requireNumbers: false };
    for (const data of [shorter, noNumbers, mixed]) {
      expect(policyDrift("master_password", baselinePassword, { enabled: true, data })).toBe("weaker");
    }
  });

  it("is stronger when stricter in some option and weaker in none", () => {
    const data = { ...baselinePassword, minLength: 16, requireSpecial: true };
    expect(policyDrift("master_password", baselinePassword, { enabled: true, data })).toBe("stronger");
  });

  it("compares the generator's default type: a named type is needed, naming one where the baseline does not is stricter", () => {
    const baseline = { ...POLICY_DEFAULTS.password_generator, defaultType: "password" as const };
    const passphrase = { ...baseline, defaultType: "passphrase" as const };
    expect(policyDrift("password_generator", baseline, { enabled: true, data: passphrase })).toBe("weaker");
    const open = POLICY_DEFAULTS.password_generator;
    expect(policyDrift("password_generator", open, { enabled: true, data: baseline })).toBe("stronger");
  });
});

describe("applying the baseline", () => {
  it("raises what is weaker and keeps what the client made stricter", () => {
    const client = { ...baselinePassword, minLength: 20, requireNumbers: false, requireSpecial: true };
    expect(strictestPolicyData("master_password", baselinePassword, { enabled: true, data: client })).toEqual({
      ...baselinePassword,
      minLength: 20,
      requireNumbers: true,
      requireSpecial: true,
    });
  });

  it("takes the baseline's options for a policy that was off", () => {
    const stale = { ...baselinePassword, minLength: 30 };
    expect(strictestPolicyData("master_password", baselinePassword, { enabled: false, data: stale })).toEqual(
      baselinePassword,
    );
  });
});

describe("a client's overall drift", () => {
  const baseline = { master_password: baselinePassword, two_factor_authentication: null };

  it("is its worst policy's, and only missing or weaker ones need the baseline", () => {
    const strong = { enabled: true, data: { ...baselinePassword, minLength: 40 } };
    const on = { enabled: true, data: null };
    const stronger = clientDrift(baseline, { master_password: strong, two_factor_authentication: on });
    expect(stronger).toEqual({
      overall: "stronger",
      byType: { master_password: "stronger", two_factor_authentication: "matches" },
    });
    expect(needsBaseline(stronger)).toBe(false);

    const missing = clientDrift(baseline, { master_password: strong });
    expect(missing.overall).toBe("missing");
    expect(needsBaseline(missing)).toBe(true);
  });

  it("matches everyone when the baseline holds no policy", () => {
    expect(clientDrift({}, {})).toEqual({ overall: "matches", byType: {} });
  });
});
