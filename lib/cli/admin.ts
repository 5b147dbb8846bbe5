// npm run admin -- <command> <login>: recovery at the server's console, with direct database access
// (DATABASE_URL, as the server uses it). Prints the new secret once; it is never stored in clear.
import { ConfigError } from "../config/config-error";
import { getDb } from "../db/get-db";
import { createApiTokenFromConsole, grantSuperAdminFromConsole, RecoveryRefusal, resetPasswordFromConsole } from "./admin-recovery";

const USAGE = `Usage:
  npm run admin -- reset-password <login>     set a new generated password (and unlock the user)
  npm run admin -- create-api-token <login>   create an SSWS API token owned by an ACTIVE administrator
  npm run admin -- grant-super-admin <login>  assign SUPER_ADMIN to an ACTIVE user`;

async function main(argv: string[]): Promise<number> {
  const [command, login, ...rest] = argv;
  if (!command || !login || rest.length > 0 || !["reset-password", "create-api-token", "grant-super-admin"].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const db = getDb();
  try {
    if (command === "reset-password") {
      const result = await resetPasswordFromConsole(db, login, new Date());
      console.log(`New password for ${result.login} (shown once; change it after signing in):\n${result.password}`);
    } else if (command === "grant-super-admin") {
      const result = await grantSuperAdminFromConsole(db, login, new Date());
      console.log(`${result.login} is now a super administrator (SUPER_ADMIN).`);
    } else {
      const result = await createApiTokenFromConsole(db, login, new Date());
      console.log(`API token "${result.name}" for ${result.login} (shown once; use it as "Authorization: SSWS <token>"):\n${result.token}`);
    }
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof RecoveryRefusal || error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
