// The PostgreSQL schema is prisma/schema.prisma with another provider and client output.
const HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:sync-schema`. Do not edit: change the source.\n";

export function derivePostgresSchema(source) {
  const provider = /provider\s*=\s*"sqlite"/;
  const output = /output\s*=\s*"\.\.\/lib\/db\/generated\/sqlite"/;
  if (!provider.test(source) || !output.test(source)) {
    throw new Error('prisma/schema.prisma must use provider "sqlite" and output "../lib/db/generated/sqlite"');
  }
  return (
    HEADER +
    source
      .replace(provider, 'provider = "postgresql"')
      .replace(output, 'output       = "../../lib/db/generated/postgresql"')
  );
}
