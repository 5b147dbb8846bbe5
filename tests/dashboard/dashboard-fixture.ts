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
