import { getAppContext } from "../app-context";
import { ConfigError } from "../config/config-error";
import { getConfig } from "../config/get-config";
import { bootstrapOrg } from "../bootstrap/bootstrap-org";
import { checkAppSecret } from "../bootstrap/check-app-secret";
import { formatFirstRunBanner } from "../bootstrap/format-first-run-banner";
import { secureSqliteFiles } from "../db/secure-sqlite-files";
import { scheduleHousekeeping } from "../housekeeping/schedule-housekeeping";
import { MigrationError, runMigrations } from "../db/run-migrations";
import { StartupError } from "./startup-error";

export type PreparedServer = {
  /** Stops the housekeeping timers (graceful shutdown). */
  stopHousekeeping: () => void;
  /** The first-run banner with generated credentials, to print once the server takes requests; null when there is none. */
  firstRunBanner: string | null;
};

/**
 * Everything a server instance does before it takes requests: read the configuration, make the
 * SQLite files private, apply pending migrations, bootstrap a new org, check that APP_SECRET opens
 * the org's secrets, schedule housekeeping. Safe when several instances start at once. Throws
 * StartupError with one printable line.
 */
export async function prepareServer(log: (line: string) => void = console.log): Promise<PreparedServer> {
  let config;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new StartupError(error.message);
    throw error;
  }
  try {
    if (config.database.provider === "sqlite") secureSqliteFiles(config.database.filename);
    await runMigrations({ databaseUrl: config.databaseUrl, log });
  } catch (error) {
    if (error instanceof MigrationError) throw new StartupError(`Database migration failed: ${error.message}`);
    throw new StartupError(`Cannot prepare the database named by DATABASE_URL: ${(error as Error).message}`);
  }
  const { db, secretsKey } = getAppContext();
  const result = await bootstrapOrg({ db, provider: config.database.provider, appSecret: config.secret, admin: config.admin });
  if (!(await checkAppSecret(db, secretsKey))) {
    const source = config.appSecret === null ? ` (read from ${config.secretFile})` : "";
    throw new StartupError(
      `Invalid configuration: APP_SECRET${source} is not the secret this org's data was encrypted with: set the APP_SECRET the org was set up with (the same on every instance).`,
    );
  }
  return { stopHousekeeping: scheduleHousekeeping(db), firstRunBanner: formatFirstRunBanner(result, config.orgUrl) };
}
