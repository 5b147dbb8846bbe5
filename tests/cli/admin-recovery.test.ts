import { spawnSync } from "node:child_process";
import { verify as verifyPassword } from "@node-rs/argon2";
import { afterEach, describe, expect, it } from "vitest";
import { authenticateApiToken } from "@/lib/admin/authenticate-api-token";
import { bootstrapOrg } from "@/lib/bootstrap/bootstrap-org";
import { createApiTokenFromConsole, grantSuperAdminFromConsole, RecoveryRefusal, resetPasswordFromConsole } from "@/lib/cli/admin-recovery";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { runMigrations } from "@/lib/db/run-migrations";
import { readLogEvents } from "../support/read-log-events";
import { createFreshDatabase, testProviders } from "../support/test-databases";
import { setUserRoles } from "../support/admin-roles";

const APP_SECRET = "admin-cli-test-secret-0123456789abcdef";
const NOW = new Date("2026-03-01T12:00:00.000Z");
const ADMIN = { email: "admin@example.com", password: "Correct-Horse-7-battery", apiToken: null };
const fixedRandom = (size: number) => Buffer.alloc(size, 7);

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function bootstrapped(provider: "sqlite" | "postgresql"): Promise<{ db: Db; url: string }> {
  const database = await createFreshDatabase(provider);
  cleanups.push(database.drop);
  await runMigrations({ databaseUrl: database.url });
  const db = createDbClient(database.url);
  cleanups.unshift(() => db.$disconnect());
  await bootstrapOrg({ db, provider, appSecret: APP_SECRET, admin: ADMIN, now: () => NOW });
  return { db, url: database.url };
}

/** The events the console wrote, as [eventType, target login]. */
async function consoleEvents(db: Db) {
  const events = await readLogEvents(db, { orderBy: { published: "asc" } });
  return events.filter((event) => (event.actor as { id?: string }).id === "admin-cli").map((event) => [event.eventType, (event.target as { alternateId?: string }[])[0]?.alternateId]);
}

describe.each(testProviders())("npm run admin recovery on %s", (provider) => {
  it("reset-password gives a locked-out admin a new password, unlocks it and logs both", async () => {
    const { db } = await bootstrapped(provider);
    await db.user.update({ where: { loginLower: ADMIN.email }, data: { status: "LOCKED_OUT", failedAttempts: 10, lockedOut: NOW, lastFailedAttempt: NOW } });
    const before = await db.user.findUniqueOrThrow({ where: { loginLower: ADMIN.email } });

    const result = await resetPasswordFromConsole(db, "ADMIN@example.com", NOW, fixedRandom);

    expect(result.login).toBe(ADMIN.email);
    expect(result.password).toMatch(/^[0-9A-Za-z]{8}-[0-9A-Za-z]{8}-[0-9A-Za-z]{8}aZ7$/);
    const after = await db.user.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ status: "ACTIVE", failedAttempts: 0, lockedOut: null, passwordChanged: NOW });
    expect(await verifyPassword(after.passwordHash!, result.password)).toBe(true);
    expect(await verifyPassword(after.passwordHash!, ADMIN.password)).toBe(false);
    expect(after.passwordHash).not.toContain(result.password);
    expect(await consoleEvents(db)).toEqual([
      ["user.account.reset_password", ADMIN.email],
      ["user.account.unlock", ADMIN.email],
    ]);
  });

  it("refuses unknown logins and users that cannot sign in, changing nothing", async () => {
    const { db } = await bootstrapped(provider);
    await expect(resetPasswordFromConsole(db, "nobody@example.com", NOW)).rejects.toThrow(new RecoveryRefusal('No user has the login or id "nobody@example.com".'));
    const admin = await db.user.update({ where: { loginLower: ADMIN.email }, data: { status: "SUSPENDED" } });
    await expect(resetPasswordFromConsole(db, ADMIN.email, NOW)).rejects.toThrow(/admin@example.com is SUSPENDED: only an ACTIVE/);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).passwordHash).toBe(admin.passwordHash);
    expect(await consoleEvents(db)).toEqual([]);
  });

  it("create-api-token mints a token the management API accepts, for ACTIVE admins only", async () => {
    const { db } = await bootstrapped(provider);
    const tokensBefore = await db.apiToken.count();
    const { token, name } = await createApiTokenFromConsole(db, ADMIN.email, NOW);
    expect(name).toBe("Recovery token (server console, 2026-03-01)");
    expect(await db.apiToken.count()).toBe(tokensBefore + 1);
    const actor = await authenticateApiToken(db, `SSWS ${token}`, NOW);
    expect(actor.login).toBe(ADMIN.email);

    await db.user.update({ where: { loginLower: ADMIN.email }, data: { status: "LOCKED_OUT" } });
    await expect(createApiTokenFromConsole(db, ADMIN.email, NOW)).rejects.toThrow("admin@example.com is LOCKED_OUT: reset the password first (npm run admin -- reset-password admin@example.com).");
    await db.user.update({ where: { loginLower: ADMIN.email }, data: { status: "ACTIVE" } });
    await setUserRoles(db, (await db.user.findUniqueOrThrow({ where: { loginLower: ADMIN.email } })).id, []);
    await expect(createApiTokenFromConsole(db, ADMIN.email, NOW)).rejects.toThrow("admin@example.com is not an administrator: the management API accepts tokens of administrators only.");
    expect(await db.apiToken.count()).toBe(tokensBefore + 1);
  });
});

describe.each(testProviders())("npm run admin grant-super-admin on %s", (provider) => {
  it("assigns SUPER_ADMIN to an ACTIVE user and logs it; refuses a holder, an inactive user and an unknown login", async () => {
    const { db } = await bootstrapped(provider);
    const admin = await db.user.findUniqueOrThrow({ where: { loginLower: ADMIN.email } });
    await setUserRoles(db, admin.id, []);
    await expect(grantSuperAdminFromConsole(db, "nobody@example.com", NOW)).rejects.toThrow(new RecoveryRefusal('No user has the login or id "nobody@example.com".'));
    expect(await grantSuperAdminFromConsole(db, ADMIN.email, NOW)).toEqual({ login: ADMIN.email });
    expect(await db.roleAssignment.findMany({ where: { userId: admin.id }, select: { type: true, assigneeType: true } })).toEqual([{ type: "SUPER_ADMIN", assigneeType: "USER" }]);
    expect(await consoleEvents(db)).toEqual([["user.account.privilege.grant", ADMIN.email]]);
    await expect(grantSuperAdminFromConsole(db, ADMIN.email, NOW)).rejects.toThrow(new RecoveryRefusal("admin@example.com is a super administrator already."));
    await db.user.update({ where: { id: admin.id }, data: { status: "SUSPENDED" } });
    await setUserRoles(db, admin.id, []);
    await expect(grantSuperAdminFromConsole(db, ADMIN.email, NOW)).rejects.toThrow(/admin@example.com is SUSPENDED: only an ACTIVE user/);
    expect(await db.roleAssignment.count({ where: { userId: admin.id } })).toBe(0);
  });
});

describe("the npm run admin command", () => {
  const run = (url: string, args: string[]) =>
    spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/cli/admin.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url, APP_SECRET, ORG_URL: "http://localhost:3000" },
      timeout: 60_000,
    });

  it("prints usage for a wrong call, a one-line refusal, and the secret once on success", async () => {
    const { db, url } = await bootstrapped("sqlite");
    expect(run(url, ["reset-password"])).toMatchObject({ status: 2, stdout: "" });
    expect(run(url, ["reset-password"]).stderr).toContain("npm run admin -- reset-password <login>");

    const refused = run(url, ["create-api-token", "nobody@example.com"]);
    expect(refused).toMatchObject({ status: 1, stdout: "", stderr: 'No user has the login or id "nobody@example.com".\n' });

    const reset = run(url, ["reset-password", ADMIN.email]);
    expect(reset.status).toBe(0);
    const [heading, password] = reset.stdout.trim().split("\n");
    expect(heading).toBe("New password for admin@example.com (shown once; change it after signing in):");
    const admin = await db.user.findUniqueOrThrow({ where: { loginLower: ADMIN.email } });
    expect(await verifyPassword(admin.passwordHash!, password!)).toBe(true);
  });
});
