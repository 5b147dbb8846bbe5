// @ts-check

// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { BASE_HEADERS, ANTI_FRAMING_HEADERS, SELF_FRAMED_PATHS } = require("./lib/http/response-headers.js");

/** @param {Readonly<Record<string, string>>} headers */
const list = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build directory lets two production builds coexist (e.g. parallel e2e runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Small JSON bodies cost more to gzip than to send; a reverse proxy compresses better.
  compress: false,
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and driver packages load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "pg", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "nodemailer"],
  experimental: {
    // For the pages proxy.ts runs for, Next.js copies the request body for the proxy, holding up to
    // this much twice per request (default 10 MB: 20 MB) while it reads the rest. Just above what a
    // dashboard server action may post (serverActions.bodySizeLimit, 1 MB), so no action's body is
    // cut short (issue 14, item 1; tests/faults/body-limits.test.ts).
    proxyClientMaxBodySize: "2mb",
    // forbidden(): a dashboard page the admin's roles do not open shows app/admin/forbidden.tsx.
    authInterrupts: true,
  },
  async headers() {
    return [
      { source: "/:path*", headers: list(BASE_HEADERS) },
      { source: SELF_FRAMED_PATHS, headers: list(ANTI_FRAMING_HEADERS) },
    ];
  },
};

module.exports = nextConfig;
