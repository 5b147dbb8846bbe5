import { usesClientSecret } from "../../apps/client-metadata";
import { findAppByClientId } from "../../apps/find-app-by-client-id";
import { renewClientSecret as replaceClientSecrets } from "../../apps/renew-client-secret";
import type { AdminContext, AdminResponse } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { audit } from "../audit";
import { clientJson } from "./client-json";
import { clientMetadataError } from "./client-metadata-error";

/**
 * POST /oauth2/v1/clients/:clientId/lifecycle/newSecret -> 200 client metadata with a new
 * generated client_secret, which replaces every previous secret at once (for an overlap, rotate
 * with /api/v1/apps/:appId/credentials/secrets instead).
 */
export async function renewClientSecret(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findAppByClientId(ctx.db, ctx.request.params.clientId ?? "");
  if (!usesClientSecret(app.tokenEndpointAuthMethod)) {
    return clientMetadataError([{ field: "token_endpoint_auth_method", message: `The client authenticates with ${app.tokenEndpointAuthMethod}; it has no client secret.` }]);
  }
  const secret = await replaceClientSecrets(ctx.db, ctx.secretsKey, { appId: app.id, now: ctx.now() }, (tx) =>
    audit(tx, ctx, "application.lifecycle.update", `Generated a new client secret for client ${app.label}`, [appTarget(app)], {
      clientId: app.clientId,
      clientSecretChange: "renew",
    }),
  );
  return { status: 200, body: clientJson(app, secret) };
}
