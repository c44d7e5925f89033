import { concatBytes, randomBytes, toBase64, utf8Encode } from "@/lib/crypto";

/**
 * SSH keys for SSH key items, made in the browser (WebCrypto Ed25519) in OpenSSH's formats: the
 * "ssh-ed25519 AAAA…" public line, the unencrypted "openssh-key-v1" private key, and the SHA256 fingerprint
 * `ssh-keygen -l` prints. The private key is a vault secret: it is encrypted like any other field.
 */

export type SshKeyPair = { privateKey: string; publicKey: string; keyFingerprint: string };

const KEY_TYPE = "ssh-ed25519";

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

/** SSH's "string": a 32-bit length, then the bytes. */
function sshString(value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === "string" ? utf8Encode(value) : value;
  return concatBytes(uint32(bytes.length), bytes);
}

function publicBlob(publicKey: Uint8Array): Uint8Array {
  return concatBytes(sshString(KEY_TYPE), sshString(publicKey));
}

export async function sshFingerprint(publicLine: string): Promise<string> {
  const blob = Uint8Array.from(atob(publicLine.trim().split(/\s+/)[1] ?? ""), (char) => char.charCodeAt(0));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", blob));
  return `SHA256:${toBase64(digest).replace(/=+$/, "")}`;
}

/** The openssh-key-v1 container (no cipher, no KDF) around one Ed25519 key, padded to 8 bytes as OpenSSH does. */
function openSshPrivateKey(seed: Uint8Array, publicKey: Uint8Array, comment: string): string {
  const check = randomBytes(4);
  let section = concatBytes(
    check,
    check,
    sshString(KEY_TYPE),
    sshString(publicKey),
    sshString(concatBytes(seed, publicKey)),
    sshString(comment),
  );
  const padding = (8 - (section.length % 8)) % 8;
  section = concatBytes(
    section,
    Uint8Array.from({ length: padding }, (_, index) => index + 1),
  );
  const body = concatBytes(
    utf8Encode("openssh-key-v1\0"),
    sshString("none"),
    sshString("none"),
    sshString(new Uint8Array(0)),
    uint32(1),
    sshString(publicBlob(publicKey)),
    sshString(section),
  );
  const lines = toBase64(body).match(/.{1,70}/g) ?? [];
  return ["-----BEGIN OPENSSH PRIVATE KEY-----", ...lines, "-----END OPENSSH PRIVATE KEY-----", ""].join("\n");
}

export async function generateSshKey(comment = ""): Promise<SshKeyPair> {
  const subtle = globalThis.crypto.subtle;
  const pair = (await subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await subtle.exportKey("raw", pair.publicKey));
  // PKCS#8 for Ed25519 is a fixed 16-byte header followed by the 32-byte seed.
  const seed = new Uint8Array(await subtle.exportKey("pkcs8", pair.privateKey)).slice(-32);
  const publicLine = `${KEY_TYPE} ${toBase64(publicBlob(publicKey))}${comment ? ` ${comment}` : ""}`;
  return {
    privateKey: openSshPrivateKey(seed, publicKey, comment),
    publicKey: publicLine,
    keyFingerprint: await sshFingerprint(publicLine),
  };
}
