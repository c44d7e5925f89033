import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/limits";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from node_modules at run time: keep it (and the pg driver) unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino", "nodemailer"],
  poweredByHeader: false,
  typedRoutes: false,
  // Next's default (1 MB), named once: proxy.ts and the item form check against the same number.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  async headers() {
    return [
      {
        source: "/:path*",
        // The per-request ones (Content-Security-Policy with its nonce, HSTS) come from proxy.ts.
        headers: [...STATIC_SECURITY_HEADERS],
      },
    ];
  },
};

export default nextConfig;
