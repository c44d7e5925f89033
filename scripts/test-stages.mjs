/**
 * `npm test`: lint, typecheck, unit tests, integration tests (PGlite, and PostgreSQL when TEST_DATABASE_URL is set),
 * build, end-to-end tests and the plaintext scan of the e2e database, in this order, stopping at the first failure,
 * with a table of how long each stage took at the end (pass or fail).
 *
 * When KEYHOUSE_TIMINGS names a file (.ci/run sets it), the stages' rows are appended there instead, for the caller
 * to print with its own stages: `node scripts/test-stages.mjs --table <file>`.
 */
import { spawn } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";

const STAGES = [
  ["lint", "npm", ["run", "-s", "lint"]],
  ["typecheck", "npm", ["run", "-s", "typecheck"]],
  ["unit", "npm", ["run", "-s", "test:unit"]],
  ["integration", "npm", ["run", "-s", "test:integration"]],
  ["build", "npm", ["run", "-s", "build"]],
  // These two are `npm run test:e2e`, timed apart.
  ["e2e", "npx", ["playwright", "test"]],
  ["plaintext scan", "npm", ["run", "-s", "scan:e2e"]],
];

/** One table row per line: stage, seconds (empty if it did not run), result. */
function timingRow(stage, seconds, result) {
  return `${stage}\t${seconds === null ? "" : seconds.toFixed(1)}\t${result}\n`;
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
      const [stage, seconds, result] = line.split("\t");
      return { stage, seconds: seconds ? Number(seconds) : null, result };
    });
  const total = rows.reduce((sum, row) => sum + (row.seconds ?? 0), 0);
  const width = Math.max(5, ...rows.map((row) => row.stage.length)) + 2;
  const line = (stage, time, result) => `${stage.padEnd(width)}${time.padStart(9)}  ${result}`.trimEnd();
  return [
    line("stage", "time", "result"),
    ...rows.map((row) => line(row.stage, row.seconds === null ? "-" : formatDuration(row.seconds), row.result)),
    line("total", formatDuration(total), rows.every((row) => row.result === "ok") ? "ok" : "FAILED"),
  ].join("\n");
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.on("error", () => resolve(1));
    child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

async function runStages() {
  let rows = "";
  let failed = 0;
  for (const [stage, command, args] of STAGES) {
    if (failed) {
      rows += timingRow(stage, null, "not run");
      continue;
    }
    console.log(`\n== ${stage}`);
    const started = performance.now();
    const code = await run(command, args);
    rows += timingRow(stage, (performance.now() - started) / 1000, code === 0 ? "ok" : "FAILED");
    failed = code;
  }
  if (process.env.KEYHOUSE_TIMINGS) appendFileSync(process.env.KEYHOUSE_TIMINGS, rows);
  else console.log(`\n== timings\n${timingTable(rows)}`);
  process.exitCode = failed;
}

if (process.argv[2] === "--table") console.log(timingTable(readFileSync(process.argv[3], "utf8")));
else await runStages();
