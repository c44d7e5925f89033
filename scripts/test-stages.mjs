/**
 * `npm test`: lint and typecheck, unit tests, integration tests (PGlite, and PostgreSQL when TEST_DATABASE_URL is set),
 * build (and the e2e server's database beside it), end-to-end tests and the plaintext scan of the e2e database, in
 * this order, stopping at the first failure, with a table of how long each stage took at the end (pass or fail).
 *
 * When KEYHOUSE_TIMINGS names a file (.ci/run sets it), the stages' rows are appended there instead, for the caller
 * to print with its own stages: `node scripts/test-stages.mjs --table <file>`.
 */
import { spawn } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";

// Each entry is a group of stages run side by side (the machine has two cores or more, and these use about one each);
// a group starts when the one before it passed.
const STAGES = [
  // Lint takes one core for about a minute; typecheck, then the unit tests, take the other meanwhile.
  [
    ["lint", "npm", ["run", "-s", "lint"]],
    ["typecheck and unit", "sh", ["-c", "npm run -s typecheck && npm run -s test:unit"]],
  ],
  [["integration", "npm", ["run", "-s", "test:integration"]]],
  [
    ["build", "npm", ["run", "-s", "build"]],
    // The end-to-end server's database, seeded while the build runs (e2e/support/seed-before-start.ts).
    [
      "e2e database",
      "node",
      [
        "--import",
        "./scripts/register-server-hooks.mjs",
        "--import",
        "tsx",
        "e2e/support/seed-before-start.ts",
        "--prepare",
      ],
    ],
  ],
  // These two are `npm run test:e2e`, timed apart.
  [["e2e", "npx", ["playwright", "test"]]],
  [["plaintext scan", "npm", ["run", "-s", "scan:e2e"]]],
];

/**
 * One table row per line: stage, seconds (empty if it did not run), result, and the stage it ran beside (if any): the
 * total counts a group of stages run side by side once, by its longest.
 */
function timingRow(stage, seconds, result, beside = "") {
  return `${stage}\t${seconds === null ? "" : seconds.toFixed(1)}\t${result}\t${beside}\n`;
}

function formatDuration(seconds) {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, "0")}s`;
}

function timingTable(text) {
  const rows = text
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [stage, seconds, result, beside] = line.split("\t");
      return { stage, seconds: seconds ? Number(seconds) : null, result, beside: beside || "" };
    });
  const longestOfGroup = new Map();
  for (const row of rows) {
    const group = row.beside || row.stage;
    longestOfGroup.set(group, Math.max(longestOfGroup.get(group) ?? 0, row.seconds ?? 0));
  }
  const total = [...longestOfGroup.values()].reduce((sum, seconds) => sum + seconds, 0);
  const width = Math.max(5, ...rows.map((row) => row.stage.length)) + 2;
  const line = (stage, time, result) => `${stage.padEnd(width)}${time.padStart(9)}  ${result}`.trimEnd();
  return [
    line("stage", "time", "result"),
    ...rows.map((row) =>
      line(
        row.stage,
        row.seconds === null ? "-" : formatDuration(row.seconds),
        row.result + (row.beside && row.beside !== row.stage ? ` (beside ${row.beside})` : ""),
      ),
    ),
    line("total", formatDuration(total), rows.every((row) => row.result === "ok") ? "ok" : "FAILED"),
  ].join("\n");
}

/** Runs one command; alone, its output goes straight through, beside others it is printed whole when it ends. */
function run(command, args, { alone }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: alone ? "inherit" : ["ignore", "pipe", "pipe"] });
    const output = [];
    child.stdout?.on("data", (chunk) => output.push(chunk));
    child.stderr?.on("data", (chunk) => output.push(chunk));
    const done = (code) => {
      if (!alone) process.stdout.write(Buffer.concat(output));
      resolve(code);
    };
    child.on("error", () => done(1));
    child.on("exit", (code, signal) => done(signal ? 1 : (code ?? 1)));
  });
}

async function runStage([stage, command, args], alone) {
  console.log(`\n== ${stage}${alone ? "" : " (output when it ends)"}`);
  const started = performance.now();
  const code = await run(command, args, { alone });
  if (!alone) console.log(`== ${stage}: ${code === 0 ? "ok" : "FAILED"}`);
  return { stage, seconds: (performance.now() - started) / 1000, code };
}

async function runStages() {
  let rows = "";
  let failed = 0;
  for (const group of STAGES) {
    if (failed) {
      for (const [stage] of group) rows += timingRow(stage, null, "not run", group.length > 1 ? group[0][0] : "");
      continue;
    }
    const results = await Promise.all(group.map((stage) => runStage(stage, group.length === 1)));
    const first = group.length > 1 ? group[0][0] : "";
    for (const { stage, seconds, code } of results) {
      rows += timingRow(stage, seconds, code === 0 ? "ok" : "FAILED", first);
      failed ||= code;
    }
  }
  if (process.env.KEYHOUSE_TIMINGS) appendFileSync(process.env.KEYHOUSE_TIMINGS, rows);
  else console.log(`\n== timings\n${timingTable(rows)}`);
  process.exitCode = failed;
}

if (process.argv[2] === "--table") console.log(timingTable(readFileSync(process.argv[3], "utf8")));
else await runStages();
