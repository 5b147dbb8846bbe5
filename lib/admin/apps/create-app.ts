import { createApp as createAppWithSecret } from "../../apps/create-app";
import { newId } from "../../ids/new-id";
import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext, Deferred } from "../admin-request";
import { audit } from "../audit";
import { readJsonBody} from "../../okta-api/read-json-body";
import { parseAppInput, type AppBody } from "./app-input";
import { appAccessPolicies } from "./app-access-policies";
import { appJson } from "./app-json";
import { appTarget } from "./app-target";
import { parseActivateParam } from "./parse-activate-param";
import { secretTakenError } from "./secret-taken-error";

/**
 * POST /api/v1/apps?activate=true|false -> 200 OpenIdConnectApplication. client_id is the app id
 * unless the caller chose one; confidential apps get a generated 384-bit client secret (or the one
 * the caller brought), stored hashed and encrypted, and returned in credentials.oauthClient.
 */
export async function createApp(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runCreateApp(ctx, () => ({ activate: parseActivateParam(ctx.request.url), body: readJsonBody<AppBody>(ctx.request) })) };
}

/** createApp as a typed operation: the OpenIdConnectApplication, with a generated secret in full. */
export async function runCreateApp(ctx: OperationContext, request: Deferred<{ activate: boolean; body: AppBody }>) {
  const { activate, body } = request();
  const input = parseAppInput(body);
  const id = newId("app");
  const clientId = input.clientId ?? id;
  const created = await createAppWithSecret(
    ctx.db,
    ctx.secretsKey,
    { id, clientId, status: activate ? "ACTIVE" : "INACTIVE", label: input.label, metadata: input.metadata, extra: input.extra, clientSecret: input.clientSecret, now: ctx.now() },
    (tx, { app }) => audit(tx, ctx, "application.lifecycle.create", `Created application ${app.label}`, [appTarget(app)], { clientId, status: app.status }),
  );
  if (created === "client-id-taken") {
    throw validationError("credentials.oauthClient.client_id", ["credentials.oauthClient.client_id: This client_id is already in use."]);
  }
  if (created === "secret-taken") throw secretTakenError("credentials.oauthClient.client_secret");
  return appJson(ctx.orgUrl, created.app, created.secret, (await appAccessPolicies(ctx))(created.app.id));
}
