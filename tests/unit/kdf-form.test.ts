import { describe, expect, it } from "vitest";
import { changeKdfFormSchema } from "@/lib/validation/account-security";

/** What the Key derivation card's form sends (FormData values are text). */
const form = (fields: Record<string, string>) => changeKdfFormSchema.safeParse({ masterPassword: "pw", ...fields });

describe("the Key derivation form", () => {
  it("reads Argon2id with its memory and parallelism", () => {
    expect(form({ kdf: "1", kdfIterations: "3", kdfMemory: "64", kdfParallelism: "4" })).toMatchObject({
      success: true,
      data: { kdf: 1, kdfIterations: 3, kdfMemory: 64, kdfParallelism: 4, masterPassword: "pw" },
    });
  });

  it("ignores memory and parallelism for PBKDF2 (their fields are hidden then)", () => {
    expect(form({ kdf: "0", kdfIterations: "600000", kdfMemory: "64", kdfParallelism: "4" })).toMatchObject({
      success: true,
      data: { kdf: 0, kdfIterations: 600_000, kdfMemory: null, kdfParallelism: null },
    });
  });

  it("names the field that is out of bounds or missing, in a sentence", () => {
    const errors = (fields: Record<string, string>) => {
      const result = form(fields);
      expect(result.success).toBe(false);
      return Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    };
    expect(errors({ kdf: "1", kdfIterations: "1", kdfMemory: "", kdfParallelism: "17" })).toEqual({
      kdfIterations: "Argon2id iterations must be between 2 and 10.",
      kdfMemory: "KDF memory must be between 16 and 1,024 MiB.",
      kdfParallelism: "KDF parallelism must be between 1 and 16.",
    });
    expect(errors({ kdf: "0", kdfIterations: "5000" })).toEqual({
      kdfIterations: "KDF iterations must be at least 100,000.",
    });
    expect(errors({ kdf: "1", kdfIterations: "", kdfMemory: "16", kdfParallelism: "1" })).toEqual({
      kdfIterations: "KDF iterations must be a number.",
    });
    expect(errors({ kdf: "2", kdfIterations: "3" })).toEqual({ kdf: "Unsupported key derivation function." });
  });
});
