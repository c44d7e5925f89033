import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/limits";
import { STATIC_SECURITY_HEADERS } from "./lib/server/security-headers";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from node_modules at run time: keep it (and the pg driver) unbundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pino", "nodemailer"],
  // The bcrypt worker threads (lib/server/password-hashing.ts) load bcryptjs from node_modules, by a name in source
  // text the build cannot follow: the standalone output must carry it all the same.
  outputFileTracingIncludes: { "/*": ["./node_modules/bcryptjs/**/*"] },
  poweredByHeader: false,
  // The container image (Dockerfile) builds with KEYHOUSE_STANDALONE=true: a self-contained server in
  // .next/standalone, with only the node_modules it uses. `next start` (demo, tests) needs the ordinary output.
  output: process.env.KEYHOUSE_STANDALONE === "true" ? "standalone" : undefined,
  typedRoutes: false,
  // Next's default (1 MB), named once: proxy.ts and the item form check against the same number. (Attachment uploads
  // stay out of proxy.ts's matcher, so its 10 MB body buffer stays as it is.)
  experimental: {
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  // Browsers and tools that ask for /favicon.ico without reading the page get the same mark as app/icon.svg.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
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
