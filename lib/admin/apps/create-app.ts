import { usesClientSecret } from "../../apps/client-metadata";
import { createClientSecret } from "../../apps/create-client-secret";
import { newId } from "../../ids/new-id";
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
import { isUniqueViolation } from "./is-unique-violation";
import { parseActivateParam } from "./parse-activate-param";

const clientIdTaken = () => validationError("credentials.oauthClient.client_id", ["credentials.oauthClient.client_id: This client_id is already in use."]);

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
  if (await ctx.db.app.findUnique({ where: { clientId }, select: { id: true } })) throw clientIdTaken();
  if (input.clientSecret !== null) await checkSecretFree(ctx.db, null, input.clientSecret, "credentials.oauthClient.client_secret");
  const now = ctx.now();
  let created;
  try {
    created = await ctx.db.$transaction(async (tx) => {
      await tx.app.create({
        data: {
          id,
          name: "oidc_client",
          signOnMode: "OPENID_CONNECT",
          status: activate ? "ACTIVE" : "INACTIVE",
          clientId,
          ...appRecordData(input.label, input.metadata, input.extra),
          created: now,
          lastUpdated: now,
        },
      });
      const secret = usesClientSecret(input.metadata.tokenEndpointAuthMethod)
        ? (await createClientSecret(tx, ctx.secretsKey, id, now, input.clientSecret !== null ? { secret: input.clientSecret } : {})).secret
        : null;
      const app = await findApp(tx, id);
      await audit(tx, ctx, "application.lifecycle.create", `Created application ${app.label}`, [appTarget(app)], { clientId, status: app.status });
      return { app, secret };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw clientIdTaken();
    throw error;
  }
  return appJson(ctx.orgUrl, created.app, created.secret);
}
