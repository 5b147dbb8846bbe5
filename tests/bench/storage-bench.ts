// npm run bench:storage: database bytes per client_credentials token and per refresh-token
// rotation, on a fresh database, with the tables and indexes they go to: SQLite (dbstat) and, when
// TEST_POSTGRES_URL names a server to create a database on, PostgreSQL (pg_total_relation_size).
// STORAGE_TOKENS and STORAGE_ROTATIONS set how many are issued (default 1,000 and 300).
import { measureTokenStorage } from "../storage/measure-token-storage";
import type { TestProvider } from "../support/test-databases";

const TOKENS = Number(process.env.STORAGE_TOKENS ?? 1000);
const ROTATIONS = Number(process.env.STORAGE_ROTATIONS ?? 300);

function print(title: string, total: number, breakdown: Record<string, number>): void {
  console.log(`  ${title}: ${total} B`);
  for (const [name, bytes] of Object.entries(breakdown).sort((a, b) => b[1] - a[1])) console.log(`    ${name.padEnd(48)}${String(bytes).padStart(7)} B`);
}

async function main(): Promise<void> {
  const providers: TestProvider[] = process.env.TEST_POSTGRES_URL ? ["sqlite", "postgresql"] : ["sqlite"];
  for (const provider of providers) {
    const storage = await measureTokenStorage(provider, { tokens: TOKENS, rotations: ROTATIONS });
    console.log(`${provider}: ${TOKENS} client_credentials tokens, ${ROTATIONS} refresh rotations`);
    print("per client_credentials token", storage.perClientCredentialsToken, storage.clientCredentialsBreakdown);
    print("per refresh rotation (access + refresh + ID token)", storage.perRefreshRotation, storage.refreshBreakdown);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
