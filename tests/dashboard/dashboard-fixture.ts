import { deriveKey } from "@/lib/crypto/derive-key";
import { runDashboardAction, type DashboardActionResult } from "@/lib/dashboard/actions/run-dashboard-action";
import type { AdminCall, DashboardApp } from "@/lib/dashboard/dashboard-context";
import { requireAdmin } from "@/lib/dashboard/require-admin";
import type { FormInput } from "@/lib/dashboard/form-input";
import { createSession } from "@/lib/sessions/create-session";
import { APP_SECRET, ORG_URL, type AdminFixture } from "../support/admin-fixture";
import { SUPER_ADMIN_USER } from "../support/admin-roles";

export function dashboardApp(f: AdminFixture): DashboardApp {
  return { db: f.db, provider: f.provider, orgUrl: ORG_URL, secretsKey: deriveKey(APP_SECRET, "secrets-at-rest"), now: () => f.clock.now };
}

/** A signed-in session's Cookie header for a user. */
export async function sessionCookie(f: AdminFixture, userId: string): Promise<string> {
  const session = await createSession(f.db, { userId, amr: ["pwd"], ipAddress: "203.0.113.9", userAgent: "vitest", now: f.clock.now, orgUrl: ORG_URL });
  return `theme=dark; sid=${session.cookieValue}`;
}

/** An ACTIVE user with a password (not an admin), created through the API. */
export async function createPlainUser(f: AdminFixture, login: string): Promise<string> {
  const res = await f.api("POST", "/api/v1/users?activate=true", {
    profile: { login, email: login, firstName: "Plain", lastName: "User" },
    credentials: { password: { value: "correct-horse-battery-9" } },
  });
  if (res.status !== 200) throw new Error(`could not create ${login}: ${res.text}`);
  return res.body.id as string;
}

/** The admin's checked call, as the dashboard's pages and actions get it (for loaders and operations in tests). */
export async function adminCallOf(f: AdminFixture, cookieHeader: string): Promise<AdminCall> {
  const check = await requireAdmin(f.db, cookieHeader, f.clock.now);
  if (!check.ok) throw new Error("no admin session");
  return { app: dashboardApp(f), admin: check.admin, client: { ipAddress: "203.0.113.9", userAgent: "vitest" } };
}

export async function adminUserId(f: AdminFixture): Promise<string> {
  return (await f.db.user.findFirstOrThrow({ where: SUPER_ADMIN_USER })).id;
}

export function act(f: AdminFixture, cookieHeader: string | null, name: string, form: FormInput): Promise<DashboardActionResult> {
  return runDashboardAction({ app: dashboardApp(f), cookieHeader, client: { ipAddress: "203.0.113.9", userAgent: "vitest" } }, name, form);
}

/** Row counts of every table an action could change. */
export async function snapshotCounts(f: AdminFixture) {
  const db = f.db;
  const [servers, scopes, claims, policies, rules, keys, apps, secrets, appUsers, appGroups, users, groups, members, origins, tokens, liveTokens, sessions, liveSessions, logs] = await Promise.all([
    db.authorizationServer.count(),
    db.scope.count(),
    db.claim.count(),
    db.policy.count(),
    db.policyRule.count(),
    db.signingKey.findMany({ select: { kid: true, status: true }, orderBy: { kid: "asc" } }),
    db.app.count(),
    db.clientSecret.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db.appUserAssignment.count(),
    db.appGroupAssignment.count(),
    db.user.findMany({ select: { id: true, status: true, lastUpdated: true }, orderBy: { id: "asc" } }),
    db.group.findMany({ select: { id: true, lastUpdated: true }, orderBy: { id: "asc" } }),
    db.groupMembership.count(),
    db.trustedOrigin.count(),
    db.apiToken.count(),
    db.apiToken.count({ where: { status: "ACTIVE" } }),
    db.userSession.count(),
    db.userSession.count({ where: { revoked: null } }),
    db.systemLogEvent.count(),
  ]);
  const serverRows = await db.authorizationServer.findMany({ select: { id: true, status: true, lastUpdated: true, configVersion: true }, orderBy: { id: "asc" } });
  const orgSettings = await db.orgSettings.findUnique({ where: { id: "org" }, select: { settings: true, lastUpdated: true } });
  return { servers, serverRows, scopes, claims, policies, rules, keys, apps, secrets, appUsers, appGroups, users, groups, members, origins, tokens, liveTokens, sessions, liveSessions, logs, orgSettings };
}

/**
 * Real objects for every action's form to name (a plain user with a session, a group, a service app,
 * a trusted origin, the default server's policy, rule, scope and claim), and one form naming them
 * all: any action let through with it would change something.
 */
export async function seedActionTargets(f: AdminFixture) {
  const plainUserId = await createPlainUser(f, "plain.user@example.com");
  const groupId: string = (await f.api("POST", "/api/v1/groups", { profile: { name: "Engineers" } })).body.id;
  const app = await f.api("POST", "/api/v1/apps", {
    name: "oidc_client",
    label: "Service",
    signOnMode: "OPENID_CONNECT",
    settings: { oauthClient: { application_type: "service", grant_types: ["client_credentials"], response_types: ["token"] } },
  });
  const appId: string = app.body.id;
  const originId: string = (await f.api("POST", "/api/v1/trustedOrigins", { name: "Web", origin: "https://web.example.com", scopes: [{ type: "CORS" }] })).body.id;
  const tokenId = (await f.db.apiToken.findFirstOrThrow()).id;
  const policy = await f.db.policy.findFirstOrThrow({ where: { authServerId: "default" }, include: { rules: true } });
  const scope = await f.db.scope.findFirstOrThrow({ where: { authServerId: "default", name: "email" } });
  const claim = await f.db.claim.findFirstOrThrow({ where: { authServerId: "default" } });
  await sessionCookie(f, plainUserId); // a session of the plain user for the form to name
  const session = await f.db.userSession.findFirstOrThrow({ where: { userId: plainUserId } });
  const form: FormInput = {
    authServerId: "default",
    policyId: policy.id,
    ruleId: policy.rules[0]!.id,
    scopeId: scope.id,
    claimId: claim.id,
    appId,
    userId: plainUserId,
    groupId,
    trustedOriginId: originId,
    apiTokenId: tokenId,
    sessionId: session.id,
    secretId: "none",
    direction: "down",
    name: "Created by an attacker",
    label: "Created by an attacker",
    audience: "api://attacker",
    applicationType: "service",
    login: "someone.else@example.com",
    email: "someone.else@example.com",
    firstName: "Some",
    lastName: "One",
    password: "another-long-password-1",
    confirmPassword: "another-long-password-1",
    activate: "true",
    claimType: "RESOURCE",
    valueType: "EXPRESSION",
    value: "user.email",
    origin: "https://attacker.example.com",
    scopes: ["CORS"],
    grantTypes: ["client_credentials"],
    clientsMode: "ALL_CLIENTS",
    lockoutThreshold: "0",
    sessionIdleMinutes: "129600",
    sessionMaxMinutes: "129600",
    refreshTokenGraceSeconds: "60",
    systemLogRetentionDays: "1",
  };
  return { plainUserId, groupId, appId, originId, tokenId, form };
}
