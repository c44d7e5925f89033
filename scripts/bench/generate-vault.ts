import { installConnection, closeConnection, type Database, getDb, openPglite } from "@/db/client";
import { ciphers } from "@/db/schema";
import { seedDemo } from "@/lib/seed/demo";
import { createAccountKeys, DEFAULT_KDF_CONFIG, type KdfConfig, type SymmetricKey } from "@/lib/crypto";
import { createAccount } from "@/lib/dal/accounts";
import { encryptCipher } from "@/lib/vault/cipher-crypto";
import { newCipher } from "@/lib/vault/cipher-model";

export type BenchVault = {
  email: string;
  password: string;
  kdfConfig: KdfConfig;
  size: number;
  userKey: SymmetricKey;
  names: string[];
};

/** A login item like those people keep: a name, a username, a password and a website, all encrypted. */
async function benchItem(index: number, key: SymmetricKey) {
  const item = newCipher("login", `Service ${index.toString().padStart(5, "0")} account`);
  item.login = {
    ...item.login!,
    username: `person${index}@example.com`,
    password: `Pw-${index}-${Math.random().toString(36).slice(2)}`,
    uris: [{ uri: `https://service${index}.example.com/login`, match: null }],
  };
  return encryptCipher(item, key);
}

/** Inserts `size` encrypted login items into the user's vault, 1,000 per statement; answers their encrypted names. */
export async function insertBenchItems(db: Database, userId: string, size: number, userKey: SymmetricKey) {
  const names: string[] = [];
  for (let start = 0; start < size; start += 1000) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(1000, size - start) }, (_, offset) => benchItem(start + offset, userKey)),
    );
    names.push(...batch.map((cipher) => cipher.data.name));
    await db
      .insert(ciphers)
      .values(batch.map((cipher) => ({ userId, type: cipher.type, reprompt: cipher.reprompt, data: cipher.data })));
  }
  return names;
}

/**
 * Data generator for large vaults: one account per size, with that many encrypted login items, in the embedded
 * database at `dataDir` (real keys and real ciphertext, made with lib/crypto like everything else), beside the
 * demo data of DESIGN §10.
 */
export async function generateBenchVaults(dataDir: string, sizes: number[]): Promise<BenchVault[]> {
  installConnection(openPglite(dataDir));
  const db = await getDb();
  const vaults: BenchVault[] = [];
  for (const size of sizes) {
    const email = `bench-${size}@bench.example`;
    const password = "keyhouse benchmark password";
    // The default KDF, as a new account gets it: the login benchmark derives the master key in the page.
    const kdfConfig = DEFAULT_KDF_CONFIG;
    const keys = await createAccountKeys({ email, password, kdfConfig });
    const { id: userId } = await db.transaction((tx) => createAccount(tx, { email, name: `Bench ${size}`, ...keys }));
    const names = await insertBenchItems(db, userId, size, keys.userKey);
    vaults.push({ email, password, kdfConfig, size, userKey: keys.userKey, names });
  }
  // The demo data too: its third client's owner imports the import benchmark's files (vault.ts).
  await seedDemo();
  await closeConnection();
  return vaults;
}
