import { usesClientSecret } from "../../apps/client-metadata";
import { createClientSecret } from "../../apps/create-client-secret";
import type { AdminContext, AdminResponse } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { lockApp } from "../apps/lock-app";
import { audit } from "../audit";
import { clientJson } from "./client-json";
import { clientMetadataError } from "./client-metadata-error";
import { findClient } from "./find-client";

/**
 * POST /oauth2/v1/clients/:clientId/lifecycle/newSecret -> 200 client metadata with a new
 * generated client_secret, which replaces every previous secret at once (for an overlap, rotate
 * with /api/v1/apps/:appId/credentials/secrets instead).
 */
export async function renewClientSecret(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findClient(ctx.db, ctx.request.params.clientId ?? "");
  if (!usesClientSecret(app.tokenEndpointAuthMethod)) {
    return clientMetadataError([{ field: "token_endpoint_auth_method", message: `The client authenticates with ${app.tokenEndpointAuthMethod}; it has no client secret.` }]);
  }
  const now = ctx.now();
  const secret = await ctx.db.$transaction(async (tx) => {
    await lockApp(tx, app.id);
    await tx.clientSecret.deleteMany({ where: { appId: app.id } });
    const created = await createClientSecret(tx, ctx.secretsKey, app.id, now);
    await audit(tx, ctx, "application.lifecycle.update", `Generated a new client secret for client ${app.label}`, [appTarget(app)], {
      clientId: app.clientId,
      clientSecretChange: "renew",
    });
    return created.secret;
  });
  return { status: 200, body: clientJson(app, secret) };
}
