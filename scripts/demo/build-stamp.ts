import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What `next build` reads from the project: its sources, settings, dependencies and the .env files it loads. */
export const BUILD_INPUTS = [
  "app",
  "components",
  "db",
  "lib",
  "public",
  "types",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
  ".env",
  ".env.local",
  ".env.production",
  ".env.production.local",
];

const STAMP = path.join(".next", "keyhouse-build-inputs");
const BUILD_ID = path.join(".next", "BUILD_ID");

/**
 * A hash of every file under the build inputs, names and contents (a few hundred small files: milliseconds).
 * Contents rather than modification times: a checkout or a copy can set any time, but not the same bytes.
 */
export function hashBuildInputs(root: string, inputs: readonly string[] = BUILD_INPUTS): string {
  const hash = createHash("sha256");
  const add = (relative: string) => {
    const absolute = path.join(root, relative);
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (stats?.isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) add(path.join(relative, entry));
    } else if (stats?.isFile()) {
      const content = readFileSync(absolute);
      hash.update(`${relative}\0${content.length}\0`).update(content);
    }
  };
  for (const input of inputs) add(input);
  return hash.digest("hex");
}

function buildId(root: string): string | null {
  const file = path.join(root, BUILD_ID);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

/**
 * Whether .next holds a finished build of exactly these inputs. The stamp names the build it describes: any other
 * `next build` (which also empties .next first) writes a new BUILD_ID, and then the stamp no longer counts.
 */
export function buildIsCurrent(root: string, inputsHash: string): boolean {
  const id = buildId(root);
  const stampFile = path.join(root, STAMP);
  if (!id || !existsSync(stampFile)) return false;
  return readFileSync(stampFile, "utf8") === `${id}\n${inputsHash}\n`;
}

/** After a successful build: records the inputs it was made from (hashed before it started). */
export function recordBuild(root: string, inputsHash: string): void {
  const id = buildId(root);
  if (id) writeFileSync(path.join(root, STAMP), `${id}\n${inputsHash}\n`);
}
