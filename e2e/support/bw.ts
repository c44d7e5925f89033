import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { TLS_DIR, TLS_URL } from "./servers";

/**
 * The official Bitwarden CLI (the pinned @bitwarden/cli devDependency), driven as a person drives it in a terminal:
 * each BwClient has its own data folder, talks to Keyhouse over HTTPS (trusting the test certificate authority) and
 * never waits for input. Once logged in, `serve()` starts the CLI's own REST API (`bw serve`, the commands of the
 * terminal behind HTTP), so that many commands cost one start of the CLI, which takes seconds of CPU each time.
 */
const BW = path.resolve("node_modules/@bitwarden/cli/build/bw.js");

export type BwResult = { code: number; stdout: string; stderr: string };
type ServeAnswer = { success: boolean; message?: string; data?: unknown };

const pause = () => new Promise((resolve) => setTimeout(resolve, 200));

export class BwClient {
  readonly dataDir = mkdtempSync(path.join(tmpdir(), "keyhouse-bw-"));
  session: string | null = null;

  private environment(extra?: Record<string, string>): NodeJS.ProcessEnv {
    return {
      ...process.env,
      BITWARDENCLI_APPDATA_DIR: this.dataDir,
      NODE_EXTRA_CA_CERTS: path.resolve(TLS_DIR, "ca.pem"),
      BW_NOINTERACTION: "true",
      ...(this.session ? { BW_SESSION: this.session } : {}),
      ...extra,
    };
  }

  run(args: string[], { input, env }: { input?: string; env?: Record<string, string> } = {}): Promise<BwResult> {
    return new Promise((resolve) => {
      const child = execFile(
        process.execPath,
        [BW, ...args],
        {
          env: this.environment(env),
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

  private server: ChildProcess | null = null;
  private readonly socket = path.join(this.dataDir, "serve.sock");

  /** Starts `bw serve` on a Unix socket in the data folder (after logging in) and waits until it answers. */
  async serve(): Promise<void> {
    this.server = spawn(process.execPath, [BW, "serve", "--hostname", `unix://${this.socket}`], {
      env: this.environment(),
      stdio: "ignore",
    });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = await this.send("GET", "/status").catch(() => null);
      if (status?.success) return;
      if (Date.now() > deadline || this.server.exitCode !== null) throw new Error("bw serve did not start");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** One request to `bw serve`: its status and body. */
  private request(
    method: string,
    route: string,
    body?: { bytes: Buffer; type: string },
  ): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const call = request(
        {
          socketPath: this.socket,
          method,
          path: route,
          // `bw serve` accepts only its own Host names (its default port, as the socket has none).
          headers: { host: "localhost:8087", ...(body ? { "content-type": body.type } : {}) },
          timeout: 60_000,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        },
      );
      call.on("timeout", () => call.destroy(new Error(`bw serve: ${method} ${route} timed out`)));
      call.on("error", reject);
      call.end(body?.bytes);
    });
  }

  /** A JSON request to `bw serve`: its answer, `{ success, data?, message? }`. */
  async send(method: string, route: string, body?: unknown): Promise<ServeAnswer> {
    const payload =
      body === undefined ? undefined : { bytes: Buffer.from(JSON.stringify(body)), type: "application/json" };
    const answer = await this.request(method, route, payload);
    return JSON.parse(answer.body.toString("utf8")) as ServeAnswer;
  }

  /** `bw create attachment`: the file goes up as the form field `file`, as `bw serve` takes it. */
  async attach(itemId: string, fileName: string, content: string): Promise<void> {
    const boundary = `keyhouse-${Date.now().toString(36)}`;
    const bytes = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    );
    const answer = await this.request("POST", `/attachment?itemid=${itemId}`, {
      bytes,
      type: `multipart/form-data; boundary=${boundary}`,
    });
    const parsed = JSON.parse(answer.body.toString("utf8")) as ServeAnswer;
    if (!parsed.success) throw new Error(`bw serve: attaching failed: ${parsed.message ?? "no message"}`);
  }

  /** `bw get attachment`: the file's decrypted bytes (asked again while the local copy catches up, as in `call`). */
  async attachment(itemId: string, fileName: string): Promise<Buffer> {
    const route = `/object/attachment/${encodeURIComponent(fileName)}?itemid=${itemId}`;
    let answer = await this.request("GET", route);
    for (let retry = 0; answer.status !== 200 && retry < 10; retry++) {
      await pause();
      answer = await this.request("GET", route);
    }
    if (answer.status !== 200) throw new Error(`bw serve: the attachment did not come back: ${answer.body}`);
    return answer.body;
  }

  /**
   * A `bw serve` request that must succeed; answers its data (for a list, the list itself). The CLI answers a command
   * from its local copy of the vault, which catches up with its own last write a moment after that write's answer
   * (a person typing the next command never sees it): after a write that answers an item, this waits until the local
   * copy shows that item as answered; and a "Not found." (checked before anything is sent) is asked again for up to
   * two seconds.
   */
  async call<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
    let answer = await this.send(method, route, body);
    for (let retry = 0; !answer.success && answer.message === "Not found." && retry < 10; retry++) {
      await pause();
      answer = await this.send(method, route, body);
    }
    if (!answer.success) throw new Error(`bw serve: ${method} ${route} failed: ${answer.message ?? "no message"}`);
    const data = answer.data as { object?: string; data?: unknown; id?: string; revisionDate?: string } | undefined;
    if (method !== "GET" && data?.object === "item" && data.id) await this.caughtUp(data.id, data.revisionDate);
    return (data?.object === "list" || data?.object === "string" ? data.data : data) as T;
  }

  /** Waits (up to two seconds) until the CLI's local copy has the item at this revision. */
  private async caughtUp(itemId: string, revisionDate: string | undefined): Promise<void> {
    for (let retry = 0; retry < 10; retry++) {
      const local = await this.send("GET", `/object/item/${itemId}`);
      if (local.success && (local.data as { revisionDate?: string }).revisionDate === revisionDate) return;
      await pause();
    }
  }

  dispose(): void {
    this.server?.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
