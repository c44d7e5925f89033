// The benchmark's baseline, loaded into the page as a plain script (not compiled): the same name ciphertexts
// decrypted by WebCrypto directly (MAC check, then AES-CBC), all at once, with none of the application around it.
window.keyhouseBareDecryptAll = async ({ key, names }) => {
  const bytes = (b64) => Uint8Array.from(atob(b64), (char) => char.charCodeAt(0));
  const raw = bytes(key);
  const aes = await crypto.subtle.importKey("raw", raw.slice(0, 32), "AES-CBC", false, ["decrypt"]);
  const hmac = await crypto.subtle.importKey("raw", raw.slice(32), { name: "HMAC", hash: "SHA-256" }, false, [
    "verify",
  ]);
  const decoder = new TextDecoder();
  const started = performance.now();
  await Promise.all(
    names.map(async (name) => {
      const [iv, data, mac] = name.slice(2).split("|").map(bytes);
      const signed = new Uint8Array(iv.length + data.length);
      signed.set(iv);
      signed.set(data, iv.length);
      if (!(await crypto.subtle.verify("HMAC", hmac, mac, signed))) throw new Error("MAC check failed");
      return decoder.decode(await crypto.subtle.decrypt({ name: "AES-CBC", iv }, aes, data));
    }),
  );
  return performance.now() - started;
};
