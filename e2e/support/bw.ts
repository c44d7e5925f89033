import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TLS_DIR, TLS_URL } from "./servers";

/**
 * The official Bitwarden CLI (the pinned @bitwarden/cli devDependency), driven as a person drives it in a terminal:
 * each BwClient has its own data folder, talks to Keyhouse over HTTPS (trusting the test certificate authority) and
 * never waits for input.
 */
const BW = path.resolve("node_modules/@bitwarden/cli/build/bw.js");

export type BwResult = { code: number; stdout: string; stderr: string };

export class BwClient {
  readonly dataDir = mkdtempSync(path.join(tmpdir(), "keyhouse-bw-"));
  session: string | null = null;

  run(args: string[], { input, env }: { input?: string; env?: Record<string, string> } = {}): Promise<BwResult> {
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [BW, ...args],
        {
          env: {
            ...process.env,
            BITWARDENCLI_APPDATA_DIR: this.dataDir,
            NODE_EXTRA_CA_CERTS: path.resolve(TLS_DIR, "ca.pem"),
            BW_NOINTERACTION: "true",
            ...(this.session ? { BW_SESSION: this.session } : {}),
            ...env,
          },
          timeout: 60_000,
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
      );
      if (input !== undefined) child.stdin?.end(input);
    });
  }

  /** Runs a command that must succeed; answers its standard output. */
  async ok(args: string[], options?: { input?: string; env?: Record<string, string> }): Promise<string> {
    const result = await this.run(args, options);
    if (result.code !== 0) throw new Error(`bw ${args[0]} failed (${result.code}): ${result.stderr || result.stdout}`);
    return result.stdout;
  }

  /** Runs a command whose output is JSON (`bw list`, `bw get item`, `bw create`...). */
  async json<T = unknown>(args: string[], options?: { input?: string }): Promise<T> {
    return JSON.parse(await this.ok(args, options)) as T;
  }

  private configured = false;

  /** Points the CLI at the test server (once per data folder). */
  async configure(): Promise<void> {
    if (!this.configured) await this.ok(["config", "server", TLS_URL]);
    this.configured = true;
  }

  /** Logs in with the master password (pointing the CLI at the test server first); keeps the session key. */
  async logIn(email: string, password: string, extra: string[] = []): Promise<void> {
    await this.configure();
    this.session = (await this.ok(["login", email, password, "--raw", ...extra])).trim();
  }

  /** `bw login --apikey` with a personal API key, then `bw unlock` with the master password. */
  async logInWithApiKey(clientId: string, clientSecret: string, password: string): Promise<void> {
    await this.configure();
    await this.ok(["login", "--apikey"], { env: { BW_CLIENTID: clientId, BW_CLIENTSECRET: clientSecret } });
    this.session = (await this.ok(["unlock", password, "--raw"])).trim();
  }

  /** `bw encode`: the base64 JSON the create and edit commands take. */
  static encode(value: unknown): string {
    return Buffer.from(JSON.stringify(value)).toString("base64");
  }

  dispose(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
