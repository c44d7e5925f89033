import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_KDF_CONFIG, SymmetricKey, deriveMasterKey, encryptString, isWebCryptoAvailable } from "@/lib/crypto";
import { expectCryptoError } from "./helpers";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("insecure contexts (no crypto.subtle, as in a browser on plain HTTP)", () => {
  it("reports WebCrypto as available in Node", () => {
    expect(isWebCryptoAvailable()).toBe(true);
  });

  it("fails with a clear CryptoError instead of a TypeError", async () => {
    const key = SymmetricKey.generate();
    vi.stubGlobal("crypto", { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) });
    expect(isWebCryptoAvailable()).toBe(false);
    await expectCryptoError(encryptString("x", key), "webCryptoUnavailable");
    await expectCryptoError(deriveMasterKey("pw", "a@b.c", DEFAULT_KDF_CONFIG), "webCryptoUnavailable");
  });
});
