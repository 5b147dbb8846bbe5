import { deleteAppScopeGrant } from "../../apps/delete-app-scope-grant";
import { findApp } from "../../apps/find-app";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { APP_GRANT_EVENTS } from "./app-grant-events";
import { appGrantTargets } from "./app-grant-json";

/** DELETE /api/v1/apps/:appId/grants/:grantId -> bare 204 (SDK revokeScopeConsentGrant); unknown app or grant 404. */
export async function revokeAppGrant(ctx: AdminContext): Promise<AdminResponse> {
  await runRevokeAppGrant(ctx, ctx.request.params.appId ?? "", ctx.request.params.grantId ?? "");
  return { status: 204 };
}

/**
 * Revokes one of an app's okta.* scope grants, with its System Log event
 * (app.oauth2.as.consent.revoke) in the same transaction. New tokens no longer get the scope; the
 * app's tokens issued before keep it until they expire, as at Okta (an hour at most).
 */
export async function runRevokeAppGrant(ctx: OperationContext, appId: string, grantId: string): Promise<void> {
  const app = await findApp(ctx.db, appId);
  await deleteAppScopeGrant(ctx.db, { appId: app.id, grantId }, (tx, grant) =>
    audit(tx, ctx, APP_GRANT_EVENTS.revoke, `Revoke ${grant.scopeId} from app ${app.label}`, appGrantTargets(app, grant), { scopeId: grant.scopeId }),
  );
}
