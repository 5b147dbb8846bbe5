import type { Db, DbTx } from "../db/create-db-client";
import { deriveKey } from "../crypto/derive-key";
import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import { newId } from "../ids/new-id";
import { generateSigningKey } from "../keys/generate-signing-key";
import { generatePassword } from "../passwords/generate-password";
import { hashPassword } from "../passwords/hash-password";
import { createAuthorizationServerRecords } from "../authorization-servers/create-authorization-server-records";
import { GRANT_TYPES } from "../oauth/grant-types";
import { sealSecretCheck } from "./check-app-secret";
import { DEFAULT_ORG_SETTINGS } from "../org-settings/org-settings-schema";

export type BootstrapInput = {
  db: Db;
  provider: "sqlite" | "postgresql";
  appSecret: string;
  admin: { email: string | null; password: string | null; apiToken: string | null };
  now?: () => Date;
};

export type BootstrapResult =
  | { created: false }
  | { created: true; adminEmail: string; generatedPassword: string | null; generatedApiToken: string | null };

export const DEFAULT_ADMIN_EMAIL = "admin@example.com";
/** Any constant works; it only has to be the same for every instance. */
const BOOTSTRAP_LOCK_ID = 727073690;

/**
 * First-run set-up, idempotent and safe when several instances start at once: org settings, the
 * `default` authorization server (keys, system scopes and claims, Default Policy and Rule), the
 * built-in group Everyone, an admin user and an SSWS API token. Credentials that were not given
 * are generated and returned once, for the caller to print; a second run creates nothing.
 */
export async function bootstrapOrg(input: BootstrapInput): Promise<BootstrapResult> {
  const { db } = input;
  const now = (input.now ?? (() => new Date()))();
  if (await isBootstrapped(db)) return { created: false };

  // Slow work (RSA keys, argon2) happens before the transaction, so the lock is held briefly.
  const secretsKey = deriveKey(input.appSecret, "secrets-at-rest");
  const [activeKey, nextKey] = await Promise.all([generateSigningKey(secretsKey), generateSigningKey(secretsKey)]);
  const adminEmail = input.admin.email ?? DEFAULT_ADMIN_EMAIL;
  const generatedPassword = input.admin.password === null ? generatePassword() : null;
  const passwordHash = await hashPassword(input.admin.password ?? generatedPassword!);
  const generatedApiToken = input.admin.apiToken === null ? `00${randomToken(30)}` : null;
  const apiToken = input.admin.apiToken ?? generatedApiToken!;

  const created = await db.$transaction(
    async (tx) => {
      await takeBootstrapLock(tx, input.provider);
      if (await isBootstrapped(tx)) return false;

      await tx.group.create({
        data: { id: newId("group"), type: "BUILT_IN", name: "Everyone", nameLower: "everyone", description: "All users in your organization", created: now, lastUpdated: now, lastMembershipUpdated: now },
      });
      await createAuthorizationServerRecords(
        tx,
        { id: "default", name: "default", description: "Default Authorization Server for your Applications", audiences: ["api://default"], isDefault: true },
        { active: activeKey, next: nextKey },
        now,
      );
      await createDefaultPolicy(tx, now);

      const adminId = newId("user");
      await tx.user.create({
        data: {
          id: adminId,
          status: "ACTIVE",
          login: adminEmail,
          loginLower: adminEmail.toLowerCase(),
          email: adminEmail,
          emailLower: adminEmail.toLowerCase(),
          profile: { login: adminEmail, email: adminEmail, firstName: "Admin", lastName: "User" },
          passwordHash,
          passwordChanged: now,
          created: now,
          lastUpdated: now,
          activated: now,
          statusChanged: now,
        },
      });
      await tx.roleAssignment.create({ data: { id: newId("roleAssignment"), type: "SUPER_ADMIN", assigneeType: "USER", userId: adminId, created: now, lastUpdated: now } });
      await tx.apiToken.create({
        data: { id: newId("apiToken"), name: "Bootstrap token", clientName: "Management API", tokenHash: hashToken(apiToken), userId: adminId, created: now, lastUpdated: now },
      });
      await tx.orgSettings.create({
        data: { id: "org", name: "My Organization", settings: DEFAULT_ORG_SETTINGS, bootstrapped: now, secretCheck: sealSecretCheck(secretsKey), created: now, lastUpdated: now },
      });
      return true;
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
  return created ? { created: true, adminEmail, generatedPassword, generatedApiToken } : { created: false };
}

async function isBootstrapped(db: Db | DbTx): Promise<boolean> {
  const org = await db.orgSettings.findUnique({ where: { id: "org" }, select: { bootstrapped: true } });
  return org?.bootstrapped != null;
}

/**
 * Serialises concurrent bootstraps. PostgreSQL: a transaction-scoped advisory lock. SQLite: a first
 * write takes the database's write lock, and a second process waits for it (busy timeout) before
 * it reads.
 */
async function takeBootstrapLock(tx: DbTx, provider: "sqlite" | "postgresql"): Promise<void> {
  if (provider === "postgresql") {
    await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${BOOTSTRAP_LOCK_ID})`);
  } else {
    await tx.cacheVersion.upsert({ where: { topic: "bootstrap" }, create: { topic: "bootstrap", version: 1 }, update: { version: { increment: 1 } } });
  }
}

/** The default server's Default Policy (all clients) and Default Policy Rule (everyone, every grant, every scope). */
async function createDefaultPolicy(tx: DbTx, now: Date): Promise<void> {
  const policyId = newId("policy");
  await tx.policy.create({
    data: {
      id: policyId,
      authServerId: "default",
      type: "OAUTH_AUTHORIZATION_POLICY",
      name: "Default Policy",
      description: "Default policy description",
      status: "ACTIVE",
      priority: 1,
      system: false,
      clientsInclude: ["ALL_CLIENTS"],
      created: now,
      lastUpdated: now,
    },
  });
  await tx.policyRule.create({
    data: {
      id: newId("rule"),
      policyId,
      type: "RESOURCE_ACCESS",
      name: "Default Policy Rule",
      status: "ACTIVE",
      priority: 1,
      system: false,
      conditions: {
        people: { users: { include: [], exclude: [] }, groups: { include: ["EVERYONE"], exclude: [] } },
        grantTypes: { include: [...GRANT_TYPES] },
        scopes: { include: ["*"] },
      },
      accessTokenLifetimeMinutes: 60,
      refreshTokenLifetimeMinutes: 0,
      refreshTokenWindowMinutes: 7 * 24 * 60,
      created: now,
      lastUpdated: now,
    },
  });
}
