import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDefinedAction } from "@/lib/authz/action";

/**
 * Every exported server action is a public endpoint (DESIGN §6). This test finds every module with a
 * "use server" directive and fails if any export was not built with defineAction, or if a server action is
 * declared inline (a "use server" inside a function), which would bypass the wrapper.
 */
const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib"];
const DIRECTIVE = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/|\s)*["']use server["'];?/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
const serverActionModules = files.filter((file) => DIRECTIVE.test(readFileSync(file, "utf8")));

describe("server actions", () => {
  it("live in modules that the test can find", () => {
    expect(serverActionModules.length).toBeGreaterThan(0);
  });

  it.each(serverActionModules.map((file) => [path.relative(ROOT, file)]))(
    "%s exports only wrapped actions",
    async (relative) => {
      const exports = (await import(path.join(ROOT, relative))) as Record<string, unknown>;
      const names = Object.keys(exports);
      expect(names.length).toBeGreaterThan(0);
      const unwrapped = names.filter((name) => !isDefinedAction(exports[name]));
      expect(unwrapped, `not built with defineAction in ${relative}`).toEqual([]);
    },
  );

  it("are never declared inline", () => {
    const inline = files.filter((file) => {
      const text = readFileSync(file, "utf8").replace(DIRECTIVE, "");
      return /["']use server["']/.test(text);
    });
    expect(inline.map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  it("recognises an unwrapped function as unwrapped", () => {
    expect(isDefinedAction(async () => ({ ok: true }))).toBe(false);
  });
});
