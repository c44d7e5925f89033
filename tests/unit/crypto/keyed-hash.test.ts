import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyedHash, SymmetricKey, utf8Encode } from "@/lib/crypto";

/** The same construction with Node's own crypto: HKDF-Expand only (no extract), then HMAC-SHA256. */
function nodeKeyedHash(key: SymmetricKey, purpose: string, data: string): string {
  // HKDF-Expand for one 32-byte block is HMAC(PRK, info ‖ 0x01).
  const subKey = createHmac("sha256", key.toBytes())
    .update(Buffer.concat([Buffer.from(`keyhouse ${purpose}`), Buffer.of(1)]))
    .digest();
  return createHmac("sha256", subKey).update(data).digest("base64");
}

describe("keyedHash", () => {
  const key = SymmetricKey.fromBytes(new Uint8Array(64).map((_, index) => index));

  it("matches an independent implementation (Node's crypto)", async () => {
    expect(await keyedHash(key, "import file", "name,url\nA,https://a.example\n")).toBe(
      nodeKeyedHash(key, "import file", "name,url\nA,https://a.example\n"),
    );
  });

  it("is the same for the same data, text or bytes, and differs with the data, the key or the purpose", async () => {
    const text = "the same file";
    const once = await keyedHash(key, "import file", text);
    expect(await keyedHash(key, "import file", utf8Encode(text))).toBe(once);
    expect(await keyedHash(key, "import file", `${text} `)).not.toBe(once);
    expect(await keyedHash(SymmetricKey.generate(), "import file", text)).not.toBe(once);
    expect(await keyedHash(key, "something else", text)).not.toBe(once);
    expect(Buffer.from(once, "base64")).toHaveLength(32);
  });

  it("is not the file's plain SHA-256 or an HMAC under the key's own MAC half", async () => {
    const text = "guessable content";
    const result = await keyedHash(key, "import file", text);
    expect(result).not.toBe(createHash("sha256").update(text).digest("base64"));
    expect(result).not.toBe(createHmac("sha256", key.toBytes().subarray(32)).update(text).digest("base64"));
  });
});
