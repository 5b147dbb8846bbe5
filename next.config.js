// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
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
    ];
  },
};

module.exports = nextConfig;
