import { describe, expect, it } from "vitest";
import {
  DEFAULT_VAULT_TIMEOUT_SETTINGS,
  parseVaultTimeoutSettings,
  remainingBeforeTimeout,
  VAULT_TIMEOUT_ACTIONS,
  VAULT_TIMEOUT_CHOICES,
} from "@/lib/browser/keyring/vault-timeout";

describe("parseVaultTimeoutSettings", () => {
  it("defaults to Bitwarden's web vault: lock after 15 minutes", () => {
    expect(DEFAULT_VAULT_TIMEOUT_SETTINGS).toEqual({ timeout: 15, action: "lock" });
    expect(parseVaultTimeoutSettings(null)).toEqual({ timeout: 15, action: "lock" });
  });

  it.each([
    ["an empty string", ""],
    ["text that is not JSON", "not json at all"],
    ["a truncated object", '{"timeout": 5'],
    ["JSON null", "null"],
    ["a number", "5"],
    ["a string", '"lock"'],
    ["an array", '[1, "lock"]'],
    ["an empty object", "{}"],
  ])("answers the defaults for %s", (_, stored) => {
    expect(parseVaultTimeoutSettings(stored)).toEqual(DEFAULT_VAULT_TIMEOUT_SETTINGS);
  });

  it("keeps every timeout and action on offer", () => {
    for (const { minutes } of VAULT_TIMEOUT_CHOICES) {
      for (const { value } of VAULT_TIMEOUT_ACTIONS) {
        expect(parseVaultTimeoutSettings(JSON.stringify({ timeout: minutes, action: value }))).toEqual({
          timeout: minutes,
          action: value,
        });
      }
    }
  });

  it("keeps null (on browser restart) apart from a missing timeout", () => {
    expect(parseVaultTimeoutSettings('{"timeout": null, "action": "logOut"}')).toEqual({
      timeout: null,
      action: "logOut",
    });
    expect(parseVaultTimeoutSettings('{"action": "logOut"}')).toEqual({ timeout: 15, action: "logOut" });
  });

  it.each([
    ["a timeout not on offer", { timeout: 7, action: "logOut" }, { timeout: 15, action: "logOut" }],
    ["a negative timeout", { timeout: -1, action: "logOut" }, { timeout: 15, action: "logOut" }],
    ["a zero timeout", { timeout: 0, action: "logOut" }, { timeout: 15, action: "logOut" }],
    ["a timeout as text", { timeout: "5", action: "logOut" }, { timeout: 15, action: "logOut" }],
    ["a fractional timeout", { timeout: 1.5, action: "logOut" }, { timeout: 15, action: "logOut" }],
    ["an unknown action", { timeout: 5, action: "explode" }, { timeout: 5, action: "lock" }],
    ["an action of another case", { timeout: 5, action: "LOGOUT" }, { timeout: 5, action: "lock" }],
    ["an action label instead of its value", { timeout: 5, action: "Log out" }, { timeout: 5, action: "lock" }],
    ["both unknown", { timeout: "never", action: 1 }, { timeout: 15, action: "lock" }],
  ])("replaces %s with its default and keeps the rest", (_, stored, expected) => {
    expect(parseVaultTimeoutSettings(JSON.stringify(stored))).toEqual(expected);
  });

  it("ignores fields it does not know", () => {
    expect(parseVaultTimeoutSettings('{"timeout": 60, "action": "lock", "extra": true}')).toEqual({
      timeout: 60,
      action: "lock",
    });
  });
});

describe("remainingBeforeTimeout", () => {
  const lastActivity = 1_700_000_000_000;

  it("counts the timeout in minutes from the last activity", () => {
    expect(remainingBeforeTimeout(1, lastActivity, lastActivity)).toBe(60_000);
    expect(remainingBeforeTimeout(15, lastActivity, lastActivity)).toBe(15 * 60_000);
    expect(remainingBeforeTimeout(240, lastActivity, lastActivity + 60 * 60_000)).toBe(180 * 60_000);
  });

  it("is due (0 or less) exactly when the timeout has passed", () => {
    expect(remainingBeforeTimeout(1, lastActivity, lastActivity + 59_999)).toBe(1);
    expect(remainingBeforeTimeout(1, lastActivity, lastActivity + 60_000)).toBe(0);
    expect(remainingBeforeTimeout(1, lastActivity, lastActivity + 61_000)).toBe(-1_000);
    expect(remainingBeforeTimeout(5, lastActivity, lastActivity + 10 * 60_000)).toBeLessThan(0);
  });

  it("later activity moves the deadline", () => {
    const now = lastActivity + 50_000;
    expect(remainingBeforeTimeout(1, lastActivity, now)).toBe(10_000);
    expect(remainingBeforeTimeout(1, now, now)).toBe(60_000);
  });
});
