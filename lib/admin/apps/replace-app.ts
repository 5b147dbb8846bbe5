import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext, Deferred } from "../admin-request";
import { audit } from "../audit";
import { readJsonBody} from "../../okta-api/read-json-body";
import { parseAppInput, type AppBody } from "./app-input";
import { appJson } from "./app-json";
import { appRecordData } from "./app-record";
import { appTarget } from "./app-target";
import { checkSecretFree } from "./check-secret-free";
import { findApp } from "./find-app";
import { lockApp } from "./lock-app";
import { newestClientSecret } from "./newest-client-secret";
import { saveRegistration } from "./save-registration";

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
  if (input.clientSecret !== null) await checkSecretFree(ctx.db, current.id, input.clientSecret, "credentials.oauthClient.client_secret");
  const now = ctx.now();
  const app = await ctx.db.$transaction(async (tx) => {
    await lockApp(tx, current.id);
    const data = appRecordData(input.label, input.metadata, input.extra);
    const changed = await saveRegistration(tx, ctx.secretsKey, current, data, input.metadata.tokenEndpointAuthMethod, input.clientSecret, now);
    const saved = await findApp(tx, current.id);
    if (changed) await audit(tx, ctx, "application.lifecycle.update", `Updated application ${saved.label}`, [appTarget(saved)], { clientId: saved.clientId });
    return saved;
  });
  return appJson(ctx.orgUrl, app, await newestClientSecret(ctx.db, ctx.secretsKey, app));
}

