// npm run db:migrate: apply pending migrations to DATABASE_URL (the server also does this at start).
import { ConfigError } from "../config/config-error";
import { parseConfig } from "../config/parse-config";
import { MigrationError, runMigrations } from "../db/run-migrations";
import { secureSqliteFiles } from "../db/secure-sqlite-files";

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  if (config.database.provider === "sqlite") secureSqliteFiles(config.database.filename);
  const { applied } = await runMigrations({ databaseUrl: config.databaseUrl, log: console.log });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "The database is up to date.");
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof MigrationError ? error.message : error);
  process.exit(1);
});
