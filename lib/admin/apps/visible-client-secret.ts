import { checkTargetRules } from "../../admin-roles/check-target-rules";
import { newestClientSecret } from "../../apps/newest-client-secret";
import type { App } from "../../db/generated/sqlite/client";
import type { OperationContext } from "../admin-request";
import { actorMay } from "../authorize-admin";

/**
 * The client secret an app's JSON shows this caller (Okta shows the newest ACTIVE one to admins):
 * only to a caller who may manage the app (apps.manage and the target rules: an app holding admin
 * roles or okta.* grants is a SUPER_ADMIN's), since the secret acts as the app. Anyone else reading
 * apps (READ_ONLY_ADMIN, an APP_ADMIN on a privileged app) gets the app without it: null.
 */
export async function visibleClientSecret(ctx: OperationContext, app: App): Promise<string | null> {
  if (!actorMay(ctx.actor, "apps.manage")) return null;
  if (!(await checkTargetRules(ctx.db, ctx.actor, { type: "app", appId: app.id })).ok) return null;
  return newestClientSecret(ctx.db, ctx.secretsKey, app);
}
