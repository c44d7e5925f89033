import { PasswordHashingBusyError, passwordHashing } from "@/lib/server/password-hashing";

/**
 * Run by tests/unit/password-hashing.test.ts as a script would use the pool: four hashes at once on two workers
 * with room for one more (so one is refused), then nothing. The test expects this process to end by itself.
 */
const pool = passwordHashing();
const outcomes = await Promise.all(
  Array.from({ length: 4 }, () =>
    pool.hash("the master password hash", 8).then(
      () => "hashed",
      (error: unknown) => (error instanceof PasswordHashingBusyError ? "busy" : String(error)),
    ),
  ),
);
console.log(JSON.stringify({ outcomes, stats: pool.stats() }));
