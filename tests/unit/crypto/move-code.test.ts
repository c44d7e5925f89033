import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptBytes,
  encryptBytes,
  formatMoveCode,
  moveTransferKey,
  moveVerifier,
  newMoveSecret,
  parseMoveCode,
  SymmetricKey,
} from "@/lib/crypto";

/** HKDF-Expand (no extract) with Node's own crypto: T(i) = HMAC(PRK, T(i-1) ‖ info ‖ i). */
function nodeHkdfExpand(prk: Uint8Array, info: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  let previous = Buffer.alloc(0);
  for (let i = 1; blocks.length * 32 < length; i++) {
    previous = createHmac("sha256", prk)
      .update(Buffer.concat([previous, Buffer.from(info), Buffer.of(i)]))
      .digest();
    blocks.push(previous);
  }
  return Buffer.concat(blocks).subarray(0, length);
}

describe("client move codes", () => {
  const secret = new Uint8Array(32).map((_, index) => index + 1);
  const moveId = "0b6f3c2e-9a41-4d7e-8c55-1f2a3b4c5d6e";

  it("writes the move's id and the secret, and reads them back from a pasted code", () => {
    const code = formatMoveCode(moveId, secret);
    expect(code).toBe("KHMOVE-0b6f3c2e9a414d7e8c551f2a3b4c5d6e-AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA");
    const parsed = parseMoveCode(`  ${code.slice(0, 40)}\n${code.slice(40)} `)!;
    expect(parsed.moveId).toBe(moveId);
    expect([...parsed.secret]).toEqual([...secret]);
  });

  it("refuses codes that are cut short, altered in form or of another kind", () => {
    const code = formatMoveCode(moveId, secret);
    for (const bad of ["", code.slice(0, -1), code.replace("KHMOVE", "KHMOV"), code.toUpperCase(), `${code}A`])
      expect(parseMoveCode(bad)).toBeNull();
  });

  it("answers null, never throws, for a secret with stray bits or an id that is not a uuid", () => {
    const code = formatMoveCode(moveId, secret);
    // The 43rd character carries 2 unused bits: "B" sets one, which no encoder writes.
    expect(code.endsWith("A")).toBe(true);
    expect(parseMoveCode(`${code.slice(0, -1)}B`)).toBeNull();
    // 32 hex digits that are not a uuid (no version digit).
    expect(parseMoveCode(code.replace("0b6f3c2e9a414d7e", "0b6f3c2e9a410d7e"))).toBeNull();
  });

  it("derives the transfer key and the verifier as Node's HKDF-Expand does, each with its own label", async () => {
    const key = await moveTransferKey(secret);
    expect(Buffer.from(key.toBytes()).toString("hex")).toBe(
      nodeHkdfExpand(secret, "keyhouse client move key", 64).toString("hex"),
    );
    expect(await moveVerifier(secret)).toBe(
      nodeHkdfExpand(secret, "keyhouse client move verifier", 32).toString("base64"),
    );
    expect(Buffer.from(key.toBytes()).subarray(0, 32).toString("base64")).not.toBe(await moveVerifier(secret));
  });

  it("carries an organization key from one browser to another only with the same secret", async () => {
    const organizationKey = SymmetricKey.generate();
    const fresh = newMoveSecret();
    const carried = await encryptBytes(organizationKey.toBytes(), await moveTransferKey(fresh));
    const opened = await decryptBytes(carried, await moveTransferKey(fresh));
    expect(Buffer.from(opened).equals(Buffer.from(organizationKey.toBytes()))).toBe(true);
    await expect(decryptBytes(carried, await moveTransferKey(newMoveSecret()))).rejects.toThrow();
  });
});
