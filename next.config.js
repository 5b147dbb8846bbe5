// @ts-check

/**
 * Anti-framing for every page and endpoint (the hosted sign-in and consent pages above all:
 * clickjacking), except /oauth2/:as/v1/authorize[/resume]: those answer with their own headers,
 * because an okta_post_message response must be frameable by the app's origin (and only by it).
 * CSP frame-ancestors for current browsers, X-Frame-Options for old ones. No script-src here: the
 * hosted pages are rendered by Next.js, whose inline bootstrap scripts carry no nonce; the pages
 * that /authorize renders itself set a strict script CSP with a nonce (lib/hosted/page-security-headers).
 * No form-action either: the sign-in form's 303 chain ends at the app's redirect URI, which
 * form-action would block in Chromium.
 */
const ANTI_FRAMING = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'none'; object-src 'none'" },
];

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
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
      { source: "/:path((?!oauth2/[^/]+/v1/authorize(?:/|$)).*)", headers: ANTI_FRAMING },
    ];
  },
};

module.exports = nextConfig;
