import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import madge from "madge";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * The layer rules of eslint.config.mjs bite: each snippet is linted as if it sat at the given path in the tree, and
 * must draw the rule's error. The import cycle check (madge, run by `npm run lint`) finds a planted cycle.
 */

const root = fileURLToPath(new URL("../..", import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: "eslint.config.mjs" });
});

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const SERVER = 'import "server-only";\n';

describe("layer rules", () => {
  it.each([
    {
      rule: "components never import app",
      path: "components/vault/check.tsx",
      code: 'import { createItem } from "@/app/(vault)/vault/actions";\nexport const action = createItem;\n',
      ruleId: "import/no-restricted-paths",
      message: "app is the top layer",
    },
    {
      rule: "lib never imports app",
      path: "lib/vault/check.ts",
      code: 'import { createItem } from "@/app/(vault)/vault/actions";\nexport const action = createItem;\n',
      ruleId: "import/no-restricted-paths",
      message: "app is the top layer",
    },
    {
      rule: "only lib/dal reaches the database",
      path: "lib/operator/check.ts",
      code: `${SERVER}import { getDb } from "@/db/client";\nexport const db = getDb;\n`,
      ruleId: "no-restricted-imports",
      message: "Only lib/dal reaches the database",
    },
    {
      rule: "only lib/dal queries tables",
      path: "app/(vault)/vault/check.ts",
      code: 'import { ciphers } from "@/db/schema";\nexport const table = ciphers;\n',
      ruleId: "no-restricted-imports",
      message: "Only lib/dal queries tables",
    },
    {
      rule: "lib/crypto imports nothing from the rest of the tree",
      path: "lib/crypto/check.ts",
      code: 'import { log } from "@/lib/server/log";\nexport const logger = log;\n',
      ruleId: "import/no-restricted-paths",
      message: "lib/crypto imports nothing outside itself",
    },
    {
      rule: "lib/crypto imports no package",
      path: "lib/crypto/check.ts",
      code: 'import { z } from "zod";\nexport const schema = z.string();\n',
      ruleId: "import/no-restricted-paths",
      message: "lib/crypto imports nothing outside itself",
    },
    {
      rule: "the DAL never calls the gates",
      path: "lib/dal/check.ts",
      code: `${SERVER}import { requireUser } from "@/lib/authz/scope";\nexport const gate = requireUser;\n`,
      ruleId: "import/no-restricted-paths",
      message: "The DAL takes scopes",
    },
    {
      rule: "only lib/authz/scope.ts mints scopes",
      path: "lib/dal/check.ts",
      code: `${SERVER}import { issueScope } from "@/lib/authz/scope-brand";\nexport const mint = issueScope;\n`,
      ruleId: "@typescript-eslint/no-restricted-imports",
      message: "Only lib/authz/scope.ts mints scopes",
    },
    {
      rule: 'a server-only folder\'s file starts with import "server-only"',
      path: "lib/dal/check.ts",
      code: "export const answer = 42;\n",
      ruleId: "keyhouse/side-marker",
      message: 'import "server-only"',
    },
    {
      rule: 'a lib/browser file starts with import "client-only"',
      path: "lib/browser/check.ts",
      code: "export const answer = 42;\n",
      ruleId: "keyhouse/side-marker",
      message: 'import "client-only"',
    },
    {
      rule: "shared modules never import server-only ones",
      path: "lib/vault/check.ts",
      code: 'import { appUrl } from "@/lib/server/config";\nexport const url = appUrl;\n',
      ruleId: "no-restricted-imports",
      message: "no server-only imports",
    },
    {
      rule: "components never import server-only modules",
      path: "components/vault/check.tsx",
      code: 'import { listVaultItems } from "@/lib/dal/items";\nexport const list = listVaultItems;\n',
      ruleId: "no-restricted-imports",
      message: "no server-only imports",
    },
    {
      rule: "server modules never import browser-only ones",
      path: "lib/dal/check.ts",
      code: `${SERVER}import { copyToClipboard } from "@/lib/browser/clipboard";\nexport const copy = copyToClipboard;\n`,
      ruleId: "import/no-restricted-paths",
      message: "Server modules never import browser-only ones",
    },
    {
      rule: "browser modules never import server-only ones",
      path: "lib/browser/check.ts",
      code: 'import "client-only";\nimport type { KeyMaterial } from "@/lib/vault/key-material";\nimport { getKeyMaterial } from "@/lib/dal/keys";\nexport const get = getKeyMaterial;\nexport type Material = KeyMaterial;\n',
      ruleId: "import/no-restricted-paths",
      message: "Browser modules never import server-only ones",
    },
  ])("$rule", async ({ path, code, ruleId, message }) => {
    const found = await problems(path, code);
    expect(found).toContainEqual({ ruleId, message: expect.stringContaining(message) });
  });

  it.each([
    {
      what: "a DAL module with its marker, importing a leaf of lib/authz and the database",
      path: "lib/dal/check.ts",
      code: `${SERVER}import { getDb } from "@/db/client";\nimport { ActionError } from "@/lib/authz/action-error";\nexport const parts = [getDb, ActionError];\n`,
    },
    {
      what: "a component naming a DAL row type and a schema type",
      path: "components/vault/check.tsx",
      code: 'import type { CustomPermissions } from "@/db/schema";\nimport type { VaultItem } from "@/lib/dal/items";\nexport type Row = VaultItem & { flags: CustomPermissions };\n',
    },
    {
      what: "lib/crypto importing itself",
      path: "lib/crypto/check.ts",
      code: 'import { fromBase64 } from "./encoding";\nexport const decode = fromBase64;\n',
    },
  ])("lets $what pass", async ({ path, code }) => {
    expect(await problems(path, code)).toEqual([]);
  });
});

describe("import cycles", () => {
  const options = { baseDir: root, fileExtensions: ["ts", "tsx"], tsConfig: `${root}/tsconfig.json` };

  it("finds a planted two-file cycle", async () => {
    const result = await madge(`${root}/tests/fixtures/architecture/cycle`, options);
    expect(result.circular()).toEqual([
      expect.arrayContaining([expect.stringMatching(/a\.ts$/), expect.stringMatching(/b\.ts$/)]),
    ]);
  });

  it("finds none in the application", async () => {
    const folders = ["app", "lib", "components", "db", "proxy.ts", "instrumentation.ts"];
    const result = await madge(
      folders.map((folder) => `${root}/${folder}`),
      options,
    );
    expect(result.circular()).toEqual([]);
  }, 60_000);
});
