import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from node_modules at run time: keep it (and the pg driver) unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino", "nodemailer"],
  poweredByHeader: false,
  typedRoutes: false,
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
