import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkEnv, env, ENV_NAMES, EnvError, parseEnv } from "@/lib/server/env";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected an EnvError");
}

describe("parseEnv (the checked configuration)", () => {
  it("gives every default when nothing is set, and treats blank as unset", () => {
    const defaults = parseEnv({});
    expect(defaults).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      APP_URL: "http://localhost:3000",
      TRUST_PROXY: false,
      DATABASE_POOL_SIZE: 10,
      DATABASE_CONNECT_TIMEOUT_MS: 5000,
      DATABASE_STATEMENT_TIMEOUT_MS: 15_000,
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 30_000,
      KEYHOUSE_DATA_DIR: ".data",
      MAIL_FROM: "Keyhouse <no-reply@keyhouse.localhost>",
      KEYHOUSE_DEV_MAILBOX: false,
      ADMIN_EMAILS: [],
      SEAT_PRICE_TEAMS_MONTHLY_CENTS: 400,
      SEAT_PRICE_ENTERPRISE_MONTHLY_CENTS: 600,
      KEYHOUSE_BCRYPT_COST: 12,
      KEYHOUSE_HASH_WORKERS: Math.max(1, availableParallelism() - 1),
      KEYHOUSE_HASH_QUEUE_TIMEOUT_MS: 10_000,
      LOG_LEVEL: "info",
      DEMO_PASSWORD: "keyhouse-demo",
      KEYHOUSE_SEED_DEMO: true,
      SITE_ICONS: true,
    });
    for (const name of [
      "NODE_ENV",
      "AUTH_SECRET",
      "DATABASE_URL",
      "SMTP_URL",
      "METRICS_TOKEN",
      "KEYHOUSE_HASH_QUEUE",
    ] as const)
      expect(defaults[name]).toBeUndefined();
    expect(parseEnv(Object.fromEntries(ENV_NAMES.map((name) => [name, "  "])))).toEqual(defaults);
  });

  it("reads good values", () => {
    const parsed = parseEnv({
      NODE_ENV: "production",
      PORT: "8080",
      APP_URL: "https://vault.example.com/",
      TRUST_PROXY: "true",
      AUTH_SECRET: "x".repeat(32),
      DATABASE_URL: "postgresql://keyhouse:secret@db.internal:5432/keyhouse",
      DATABASE_POOL_SIZE: "25",
      DATABASE_STATEMENT_TIMEOUT_MS: "0",
      SMTP_URL: " smtps://user:pass@smtp.example.com:465 ",
      MAIL_FROM: "Vault <vault@example.com>",
      ADMIN_EMAILS: " Ops@Example.com ,oncall@example.com,",
      SEAT_PRICE_TEAMS_MONTHLY_CENTS: "0",
      SEAT_PRICE_ENTERPRISE_MONTHLY_CENTS: "1250",
      KEYHOUSE_BCRYPT_COST: "4",
      LOG_LEVEL: "silent",
      KEYHOUSE_SEED_DEMO: "false",
      SITE_ICONS: "off",
    });
    expect(parsed).toMatchObject({
      NODE_ENV: "production",
      PORT: 8080,
      APP_URL: "https://vault.example.com",
      TRUST_PROXY: true,
      DATABASE_POOL_SIZE: 25,
      DATABASE_STATEMENT_TIMEOUT_MS: 0,
      SMTP_URL: "smtps://user:pass@smtp.example.com:465",
      ADMIN_EMAILS: ["ops@example.com", "oncall@example.com"],
      SEAT_PRICE_TEAMS_MONTHLY_CENTS: 0,
      SEAT_PRICE_ENTERPRISE_MONTHLY_CENTS: 1250,
      KEYHOUSE_BCRYPT_COST: 4,
      LOG_LEVEL: "silent",
      KEYHOUSE_SEED_DEMO: false,
      SITE_ICONS: false,
    });
    // The default link base follows PORT.
    expect(parseEnv({ PORT: "4000" }).APP_URL).toBe("http://localhost:4000");
  });

  it.each([
    ["NODE_ENV", "staging", "NODE_ENV must be development, production or test"],
    ["PORT", "http", "PORT must be a port number from 1 to 65535"],
    ["PORT", "70000", "PORT must be a port number from 1 to 65535"],
    ["APP_URL", "vault.example.com", "APP_URL must be an http:// or https:// URL"],
    ["APP_URL", "ftp://vault.example.com", "APP_URL must be an http:// or https:// URL"],
    ["TRUST_PROXY", "yes", "TRUST_PROXY must be true or false"],
    ["AUTH_SECRET", "too-short", "AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)"],
    ["DATABASE_URL", "mysql://db/keyhouse", "DATABASE_URL must be a postgres:// or postgresql:// URL"],
    ["DATABASE_POOL_SIZE", "0", "DATABASE_POOL_SIZE must be a whole number from 1 to 1000"],
    [
      "DATABASE_CONNECT_TIMEOUT_MS",
      "5s",
      "DATABASE_CONNECT_TIMEOUT_MS must be a whole number of milliseconds (0 turns the limit off)",
    ],
    [
      "DATABASE_STATEMENT_TIMEOUT_MS",
      "-1",
      "DATABASE_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds (0 turns the limit off)",
    ],
    [
      "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS",
      "1.5",
      "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS must be a whole number of milliseconds (0 turns the limit off)",
    ],
    ["SMTP_URL", "http://mail.example.com", "SMTP_URL must be an smtp:// or smtps:// URL"],
    ["SMTP_URL", "smtp.example.com:587", "SMTP_URL must be an smtp:// or smtps:// URL"],
    ["MAIL_FROM", "Keyhouse", "MAIL_FROM must be a sender address such as Keyhouse <no-reply@example.com>"],
    ["KEYHOUSE_DEV_MAILBOX", "1", "KEYHOUSE_DEV_MAILBOX must be true or false"],
    ["ADMIN_EMAILS", "ops@example.com;oncall@example.com", "ADMIN_EMAILS must be email addresses separated by commas"],
    [
      "SEAT_PRICE_TEAMS_MONTHLY_CENTS",
      "4.00",
      "SEAT_PRICE_TEAMS_MONTHLY_CENTS must be a whole number of cents from 0 to 1000000",
    ],
    [
      "SEAT_PRICE_ENTERPRISE_MONTHLY_CENTS",
      "-600",
      "SEAT_PRICE_ENTERPRISE_MONTHLY_CENTS must be a whole number of cents from 0 to 1000000",
    ],
    ["KEYHOUSE_BCRYPT_COST", "16", "KEYHOUSE_BCRYPT_COST must be a whole number from 4 to 15"],
    ["LOG_LEVEL", "verbose", "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent"],
    ["METRICS_TOKEN", "secret", "METRICS_TOKEN must be at least 32 characters (openssl rand -base64 32)"],
    ["KEYHOUSE_SEED_DEMO", "no", "KEYHOUSE_SEED_DEMO must be true or false"],
    ["SITE_ICONS", "false", "SITE_ICONS must be on or off"],
  ])("refuses %s=%s: %s", (name, value, message) => {
    expect(problemsOf({ [name]: value })).toEqual([message]);
  });

  it("names every bad variable in one error, without repeating a value (some carry passwords)", () => {
    const source = { SMTP_URL: "http://user:Sup3r-secret@mail.example.com", PORT: "eighty", TRUST_PROXY: "yes" };
    expect(() => parseEnv(source)).toThrow(
      "Invalid configuration (see .env.example): PORT must be a port number from 1 to 65535; TRUST_PROXY must be true or false; " +
        "SMTP_URL must be an smtp:// or smtps:// URL",
    );
    expect(() => parseEnv(source)).not.toThrow(/Sup3r-secret/);
  });

  it("documents every variable in .env.example", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const documented = new Set([...example.matchAll(/^# ?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]));
    // NODE_ENV is set by next dev / next start, not by hand.
    expect(ENV_NAMES.filter((name) => name !== "NODE_ENV" && !documented.has(name))).toEqual([]);
  });
});

describe("env() (parsed once, for the current values)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("returns the same parse while nothing changes, and a new one when a variable does", () => {
    vi.stubEnv("KEYHOUSE_BCRYPT_COST", "5");
    const first = env();
    expect(env()).toBe(first);
    expect(first.KEYHOUSE_BCRYPT_COST).toBe(5);
    vi.stubEnv("KEYHOUSE_BCRYPT_COST", "6");
    expect(env().KEYHOUSE_BCRYPT_COST).toBe(6);
  });

  it("checkEnv throws for a bad value, and passes again once it is fixed", () => {
    vi.stubEnv("LOG_LEVEL", "loud");
    expect(() => checkEnv()).toThrow("LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent");
    vi.stubEnv("LOG_LEVEL", "warn");
    expect(checkEnv().LOG_LEVEL).toBe("warn");
  });
});
