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
  serverExternalPackages: ["better-sqlite3", "pg", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
  async headers() {
    return [
      { source: "/:path*", headers: list(BASE_HEADERS) },
      { source: SELF_FRAMED_PATHS, headers: list(ANTI_FRAMING_HEADERS) },
    ];
  },
};

module.exports = nextConfig;
