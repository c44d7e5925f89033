import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { embeddedDataDir } from "@/lib/server/config";
import { env } from "@/lib/server/env";

/**
 * The key that signs session cookies. AUTH_SECRET wins; otherwise a random secret is made once and kept in the
 * data directory (mode 0600) so a single-instance install works out of the box. Several instances behind a load
 * balancer must share AUTH_SECRET.
 */
export function authSecret(): string {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  const dir = embeddedDataDir();
  const file = path.join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}
