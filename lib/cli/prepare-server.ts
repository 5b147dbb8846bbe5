import { ConfigError } from "../config/config-error";
import { getConfig } from "../config/get-config";
import { bootstrapOrg } from "../bootstrap/bootstrap-org";
import { formatFirstRunBanner } from "../bootstrap/format-first-run-banner";
import { getDb } from "../db/get-db";
import { scheduleHousekeeping } from "../housekeeping/schedule-housekeeping";
import { MigrationError, runMigrations } from "../db/run-migrations";
import { StartupError } from "./startup-error";

/**
 * Everything a server instance does before it takes requests: read the configuration, apply pending
 * migrations, bootstrap a new org, schedule housekeeping. Safe when several instances start at once. Throws StartupError
 * with one printable line; a first-run banner with generated credentials goes to `log`, once. Returns
 * what stops the housekeeping timers (graceful shutdown).
 */
export async function prepareServer(log: (line: string) => void = console.log): Promise<{ stopHousekeeping: () => void }> {
  let config;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new StartupError(error.message);
    throw error;
  }
  try {
    await runMigrations({ databaseUrl: config.databaseUrl, log });
  } catch (error) {
    if (error instanceof MigrationError) throw new StartupError(`Database migration failed: ${error.message}`);
    throw new StartupError(`Cannot prepare the database named by DATABASE_URL: ${(error as Error).message}`);
  }
  const result = await bootstrapOrg({ db: getDb(), provider: config.database.provider, appSecret: config.secret, admin: config.admin });
  const banner = formatFirstRunBanner(result, config.orgUrl);
  if (banner) log(banner);
  return { stopHousekeeping: scheduleHousekeeping(getDb()) };
}
