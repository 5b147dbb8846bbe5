import { addAppScopeGrant } from "../../apps/add-app-scope-grant";
import { findApp } from "../../apps/find-app";
import { validationError } from "../../okta-api/admin-api-error";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { APP_GRANT_EVENTS } from "./app-grant-events";
import { appGrantInput, type AppGrantBody } from "./app-grant-input";
import { appGrantJson, appGrantTargets } from "./app-grant-json";

/** The one sign-on mode whose apps are OAuth 2.0 clients (every app of this product, so far). */
const OIDC_SIGN_ON_MODE = "OPENID_CONNECT";

/** POST /api/v1/apps/:appId/grants {scopeId, issuer} -> 201 the grant (SDK grantConsentToScope). */
export async function grantAppScope(ctx: AdminContext): Promise<AdminResponse> {
  const appId = ctx.request.params.appId ?? "";
  return { status: 201, body: await runGrantAppScope(ctx, appId, () => readJsonBody<AppGrantBody>(ctx.request)) };
}

/**
 * Grants an app one okta.* scope of the org authorization server (OAuth 2.0 for Okta): from then
 * on its token requests at {ORG_URL}/oauth2/v1/token may ask for it (the token's principal still
 * needs the admin role a route requires). Refused:
 * - an unknown app: 404; an app that is not an OpenID Connect client: 400;
 * - a body that is not {scopeId: an okta.* scope, issuer: the org URL}: 400 E0000001;
 * - a scope the app holds already: 400 E0000001 (scopeAlreadyGrantedError);
 * - a service app's token granting its own app a scope: refused before this runs, by the management
 *   API's target rules (lib/admin-roles/check-target-rules.ts: 403 and a DENY System Log event).
 * The grant and its System Log event (app.oauth2.as.consent.grant) are one transaction.
 */
export async function runGrantAppScope(ctx: OperationContext, appId: string, body: Deferred<AppGrantBody>) {
  const app = await findApp(ctx.db, appId);
  const input = parseInput(appGrantInput(ctx.orgUrl), body(), "grant");
  if (app.signOnMode !== OIDC_SIGN_ON_MODE) throw validationError("appId", ["appId: Okta API scopes can be granted to OpenID Connect apps only."]);
  const grant = await addAppScopeGrant(ctx.db, { appId: app.id, scopeId: input.scopeId, issuer: input.issuer, createdBy: ctx.actor.userId, now: ctx.now() }, (tx, created) =>
    audit(tx, ctx, APP_GRANT_EVENTS.grant, `Grant ${created.scopeId} to app ${app.label}`, appGrantTargets(app, created), { scopeId: created.scopeId, issuer: created.issuer }),
  );
  return appGrantJson(ctx.orgUrl, app, grant);
}
