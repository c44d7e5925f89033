"use client";

import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { Spinner } from "@/components/ui/spinner";

/** The otpauth:// address as a QR code for an authenticator app to scan, drawn in the browser as an SVG image. */
export function AuthenticatorQrCode({ uri }: { uri: string }) {
  const [drawn, setDrawn] = useState<{ uri: string; source: string | null } | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 })
      .then(
        (svg) => current && setDrawn({ uri, source: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
      )
      .catch(() => current && setDrawn({ uri, source: null }));
    return () => {
      current = false;
    };
  }, [uri]);
  if (drawn?.uri !== uri) return <Spinner label="Drawing the QR code…" />;
  if (!drawn.source)
    return (
      <p className="text-sm text-red-700">The QR code could not be drawn. Type the key below into your app instead.</p>
    );
  const source = drawn.source;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a data: URL made here, nothing for next/image to optimise
    <img
      src={source}
      alt="QR code for your authenticator app"
      width={200}
      height={200}
      className="rounded border border-slate-200"
    />
  );
}
