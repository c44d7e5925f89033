import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { databaseSnapshot } from "../../support/db-scan";
import { type DemoIds, loadDemo } from "../../support/demo";
import { ISOLATION_CATALOG } from "./catalog";
import { actAs, makeRoleUsers, ROLES, type RoleUsers } from "./roles";

const ROOT = path.resolve(__dirname, "../../..");

/** The names given to defineAction in every server-action module of the app. */
function declaredActionNames(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
    });
  return ["app", "components", "lib"]
    .flatMap((dir) => walk(path.join(ROOT, dir)))
    .map((file) => readFileSync(file, "utf8"))
    .filter((text) => /^\s*["']use server["']/.test(text))
    .flatMap((text) => [...text.matchAll(/defineAction\(\{\s*name:\s*"([^"]+)"/g)].map((match) => match[1]!));
}

describe("tenant isolation of every server action", () => {
  let demo: DemoIds;
  let users: RoleUsers;

  beforeAll(async () => {
    demo = await loadDemo();
    users = await makeRoleUsers(demo);
  });

  it("lists every action the app declares", () => {
    const listed = ISOLATION_CATALOG.map((entry) => entry.name).sort();
    expect(listed).toEqual(declaredActionNames().sort());
  });

  const guarded = ISOLATION_CATALOG.filter((entry) => !entry.public);
  const cases = guarded.flatMap((entry) =>
    ROLES.filter((role) => !entry.allowed.includes(role)).map((role) => [entry.name, role, entry] as const),
  );

  it.skipIf(cases.length === 0).each(cases)("%s is refused to %s and changes nothing", async (_name, role, entry) => {
    await actAs(role, users);
    const before = await databaseSnapshot();
    const result = await entry.action(entry.input(demo) as never);
    expect(result.ok).toBe(false);
    expect(await databaseSnapshot()).toEqual(before);
  });
});
