"use client";

import { useEffect, useState } from "react";
import { Spinner } from "@/components/ui/spinner";
import { fingerprintPhrase } from "@/lib/crypto";

/** Bitwarden's fingerprint phrase, computed in the browser from a public key and the account id. */
export function FingerprintPhrase({ material, publicKey }: { material: string; publicKey: string }) {
  const [phrase, setPhrase] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    fingerprintPhrase(material, publicKey)
      .then((value) => current && setPhrase(value))
      .catch(() => current && setPhrase("(unavailable)"));
    return () => {
      current = false;
    };
  }, [material, publicKey]);
  if (!phrase) return <Spinner label="Computing…" />;
  return (
    <code data-testid="fingerprint-phrase" className="rounded bg-slate-100 px-2 py-1 font-mono text-sm">
      {phrase}
    </code>
  );
}
