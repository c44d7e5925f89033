import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateSshKey } from "@/lib/vault/ssh-key";

/** OpenSSH's own ssh-keygen is the independent judge of the formats. */
describe("SSH keys made in the browser", () => {
  it("are read by ssh-keygen: same public key and the same fingerprint", async () => {
    const key = await generateSshKey("keyhouse-test");
    const dir = mkdtempSync(path.join(tmpdir(), "ssh-"));
    try {
      const privateFile = path.join(dir, "id_ed25519");
      writeFileSync(privateFile, key.privateKey, { mode: 0o600 });
      const derived = execFileSync("ssh-keygen", ["-y", "-f", privateFile], { encoding: "utf8" }).trim();
      expect(derived.split(" ").slice(0, 2)).toEqual(key.publicKey.split(" ").slice(0, 2));
      writeFileSync(`${privateFile}.pub`, `${key.publicKey}\n`);
      const fingerprint = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", `${privateFile}.pub`], {
        encoding: "utf8",
      }).split(" ")[1];
      expect(key.keyFingerprint).toBe(fingerprint);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("differ every time", async () => {
    const [a, b] = await Promise.all([generateSshKey(), generateSshKey()]);
    expect(a.publicKey).not.toBe(b.publicKey);
    expect(a.publicKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI/);
  });
});
