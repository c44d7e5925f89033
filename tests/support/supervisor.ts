/**
 * The demo's supervision as its own process, over a stand-in server: `supervisor.ts GRACE_MS SCRIPT` runs
 * `node -e SCRIPT` under supervise(), prints `child PID`, and exits with what supervise() reports.
 */
import { supervise } from "../../scripts/demo/supervise";

const [graceMs = "10000", script = "setInterval(() => {}, 1000)"] = process.argv.slice(2);
const { child, exited } = supervise(process.execPath, ["-e", script], { graceMs: Number(graceMs) });
console.log(`child ${child.pid}`);
process.exit(await exited);
