import { visibleClientSecret } from "./visible-client-secret";
import { replaceRegistration } from "../../apps/replace-registration";
import { findApp } from "../../apps/find-app";
import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext, Deferred } from "../admin-request";
import { audit } from "../audit";
import { readJsonBody} from "../../okta-api/read-json-body";
import { parseAppInput, type AppBody } from "./app-input";
import { appAccessPolicies } from "./app-access-policies";
import { appJson } from "./app-json";
import { appTarget } from "./app-target";
import { secretTakenError } from "./secret-taken-error";

/**
 * PUT /api/v1/apps/:appId -> 200: replaces the app's registration (omitted settings take their
 * defaults, as a replace does). application_type and client_id cannot change. A real change bumps
 * lastUpdated and revokes the client's refresh tokens and codes in the same transaction (spec: a
 * changed client app revokes its tokens); a PUT that changes nothing (a client echoing the object
 * back) changes nothing.
 */
export async function replaceApp(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runReplaceApp(ctx, ctx.request.params.appId ?? "", () => readJsonBody<AppBody>(ctx.request)) };
}

/** replaceApp as a typed operation. */
export async function runReplaceApp(ctx: OperationContext, appId: string, body: Deferred<AppBody>) {
  const current = await findApp(ctx.db, appId);
  const input = parseAppInput(body());
  if (input.metadata.applicationType !== current.applicationType) {
    throw validationError("settings.oauthClient.application_type", [
      `settings.oauthClient.application_type: The application type cannot be changed (it is ${current.applicationType}); create a new application instead.`,
    ]);
  }
  if (input.clientId !== null && input.clientId !== current.clientId) {
    throw validationError("credentials.oauthClient.client_id", ["credentials.oauthClient.client_id: The client_id of an application cannot be changed."]);
  }
  const app = await replaceRegistration(
    ctx.db,
    ctx.secretsKey,
    { current, registration: { label: input.label, metadata: input.metadata, extra: input.extra, clientSecret: input.clientSecret }, now: ctx.now() },
    (tx, saved) => audit(tx, ctx, "application.lifecycle.update", `Updated application ${saved.label}`, [appTarget(saved)], { clientId: saved.clientId }),
  );
  if (app === "secret-taken") throw secretTakenError("credentials.oauthClient.client_secret");
  return appJson(ctx.orgUrl, app, await visibleClientSecret(ctx, app), (await appAccessPolicies(ctx))(app.id));
}
