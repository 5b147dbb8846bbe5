import { getAppContext } from "../app-context";
import { ConfigError } from "../config/config-error";
import { getConfig } from "../config/get-config";
import { bootstrapOrg } from "../bootstrap/bootstrap-org";
import { checkAppSecret } from "../bootstrap/check-app-secret";
import { formatFirstRunBanner } from "../bootstrap/format-first-run-banner";
import { secureSqliteFiles } from "../db/secure-sqlite-files";
import { scheduleHousekeeping } from "../housekeeping/schedule-housekeeping";
import { createSmtpTransport } from "../mail/create-smtp-transport";
import { startMailWorker, type MailWorker } from "../mail/start-mail-worker";
import { MigrationError, runMigrations } from "../db/run-migrations";
import { StartupError } from "./startup-error";

export type PreparedServer = {
  /** Stops the housekeeping timers (graceful shutdown). */
  stopHousekeeping: () => void;
  /** Delivers queued email (or, without SMTP_URL, moves it to the development outbox); stopped at shutdown. */
  mailWorker: MailWorker;
  /** The first-run banner with generated credentials, to print once the server takes requests; null when there is none. */
  firstRunBanner: string | null;
};

/**
 * Everything a server instance does before it takes requests: read the configuration, make the
 * SQLite files private, apply pending migrations, bootstrap a new org, check that APP_SECRET opens
 * the org's secrets, schedule housekeeping, start the mail worker. Safe when several instances start at once. Throws
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
  const { smtp, from } = config.mail;
  log(
    smtp
      ? `Email: SMTP ${smtp.host}:${smtp.port} (${smtp.security === "implicit" ? "TLS" : `STARTTLS ${smtp.security}`}${smtp.auth ? ", with login" : ""}), from ${from.address}`
      : "Email: development outbox (SMTP_URL is not set): messages are kept in the database, listed on /admin/outbox and logged here with their links; nothing is sent. Set SMTP_URL in production.",
  );
  const mailWorker = startMailWorker(db, { transport: smtp ? createSmtpTransport(smtp) : null, from, secrets: smtp?.auth ? [smtp.auth.user, smtp.auth.pass] : [], log });
  return { stopHousekeeping: scheduleHousekeeping(db), mailWorker, firstRunBanner: formatFirstRunBanner(result, config.orgUrl) };
}
