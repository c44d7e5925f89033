import { execFile, execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";

/**
 * A PostgreSQL server of a test's own (loopback, free port, temporary directory), for tests that stop, restart or
 * freeze their server: doing that to the shared TEST_DATABASE_URL server would break the files running beside them.
 * The same steps as scripts/temp-postgres.sh, from node.
 */
export type ThrowawayPostgres = {
  url: string;
  /** The server's temporary directory (its data directory is `data` inside), writable by the server. */
  dir: string;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  restart: () => Promise<void>;
  /** SIGSTOP to the postmaster and every server process: connections stay open and nothing answers. */
  freeze: () => void;
  thaw: () => void;
  /** Stops the server for good and removes its directory. */
  destroy: () => void;
};

const run = promisify(execFile);

/** The newest installed server binaries, or null when there are none (the tests that need them skip). */
export function postgresBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(path.join(root, version, "bin", "pg_ctl")))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  if (versions.length > 0) return path.join(root, versions.at(-1)!, "bin");
  const found = spawnSync("sh", ["-c", "command -v pg_ctl"], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim() ? path.dirname(realpathSync(found.stdout.trim())) : null;
}

/** initdb refuses to run as root: run the server's tools as the postgres user then. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The server's processes: the postmaster (first line of postmaster.pid) and its children. */
function serverPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const children = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        // Field 4 is the parent pid; field 2 (the command) may hold spaces, so count from its closing parenthesis.
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** `settings` are extra server settings (`name=value`), e.g. for the benchmark's statement log. */
export async function createThrowawayPostgres(settings: string[] = []): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL server binaries not found");
  const dir = mkdtempSync("/tmp/keyhouse-pg-test.");
  chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const tool = (name: string, args: string[]) => asServerUser(path.join(bin, name), args);
  const serverOptions = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c max_connections=60${settings.map((setting) => ` -c ${setting}`).join("")}`;
  const pgCtl = async (args: string[]) => {
    const [command, full] = tool("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), ...args]);
    await run(command, full);
  };
  let frozen: number[] = [];

  const [initdb, initArgs] = tool("initdb", [
    "-N",
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--no-locale",
  ]);
  await run(initdb, initArgs);
  const server: ThrowawayPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    start: () => pgCtl(["-w", "-t", "30", "-o", serverOptions, "start"]),
    stop: () => pgCtl(["-w", "-m", "fast", "stop"]),
    restart: () => pgCtl(["-w", "-t", "30", "-m", "fast", "-o", serverOptions, "restart"]),
    freeze: () => {
      frozen = serverPids(dataDir);
      // The postmaster first, so it forks nothing new while its children are being stopped.
      for (const pid of frozen) process.kill(pid, "SIGSTOP");
    },
    thaw: () => {
      for (const pid of frozen) {
        try {
          process.kill(pid, "SIGCONT");
        } catch {
          // gone already
        }
      }
      frozen = [];
    },
    destroy: () => {
      process.off("exit", server.destroy);
      server.thaw();
      if (existsSync(path.join(dataDir, "postmaster.pid"))) {
        const [command, args] = tool("pg_ctl", ["-D", dataDir, "-m", "immediate", "stop"]);
        try {
          execFileSync(command, args, { stdio: "ignore" });
        } catch {
          // already stopping or stopped
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // A test run that dies halfway must not leave a server behind.
  process.once("exit", server.destroy);
  try {
    await server.start();
  } catch (error) {
    server.destroy();
    throw error;
  }
  return server;
}
