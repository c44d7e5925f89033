"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { SshKeyView } from "@/lib/vault/cipher-model";
import { generateSshKey, sshFingerprint } from "@/lib/vault/ssh-key";
import { Section, TextArea, TextInput } from "./field-controls";

/** An SSH key generated here (Ed25519, OpenSSH format) or pasted; the fingerprint follows the public key. */
export function SshKeyFields({ sshKey, onChange }: { sshKey: SshKeyView; onChange: (sshKey: SshKeyView) => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function generate() {
    setBusy(true);
    setProblem(null);
    try {
      onChange(await generateSshKey());
    } catch {
      setProblem("This browser cannot make Ed25519 keys. Paste a key instead.");
    } finally {
      setBusy(false);
    }
  }

  async function setPublicKey(publicKey: string | null) {
    const keyFingerprint =
      publicKey && /^ssh-[a-z0-9-]+ [A-Za-z0-9+/=]+/.test(publicKey.trim())
        ? await sshFingerprint(publicKey).catch(() => null)
        : null;
    onChange({ ...sshKey, publicKey, keyFingerprint });
  }

  return (
    <Section title="SSH key">
      <div className="flex items-center gap-3">
        <Button variant="secondary" onClick={generate} loading={busy}>
          Generate new key
        </Button>
        <span className="text-xs text-slate-600">Ed25519, made in this browser.</span>
      </div>
      {problem ? <p className="text-sm text-red-700">{problem}</p> : null}
      <TextArea
        label="Private key"
        value={sshKey.privateKey}
        onChange={(privateKey) => onChange({ ...sshKey, privateKey })}
        rows={6}
        mono
      />
      <TextArea label="Public key" value={sshKey.publicKey} onChange={setPublicKey} rows={2} mono />
      <TextInput
        label="Fingerprint"
        value={sshKey.keyFingerprint}
        onChange={(keyFingerprint) => onChange({ ...sshKey, keyFingerprint })}
        mono
      />
    </Section>
  );
}
