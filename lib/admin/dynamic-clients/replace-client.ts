import { readAppExtra } from "../../apps/app-extra";
import { findAppByClientId } from "../../apps/find-app-by-client-id";
import { newestClientSecret } from "../../apps/newest-client-secret";
import { replaceRegistration } from "../../apps/replace-registration";
import type { AdminContext, AdminResponse } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { audit } from "../audit";
import { clientJson } from "./client-json";
import { clientMetadataError } from "./client-metadata-error";
import { parseClientMetadata } from "./parse-client-metadata";
import { readClientBody } from "./read-client-body";

/**
 * PUT /oauth2/v1/clients/:clientId (RFC 7592) -> 200: replaces the client's metadata (all of it;
 * omitted values take their defaults). client_id, if sent, must be the client's; application_type
 * cannot change. What DCR cannot express (consent method, display settings) is kept; PKCE stays
 * required if it was. A real change revokes the client's refresh tokens and codes, as an Apps API
 * PUT. The answer shows the current client secret, as Okta's does.
 */
export async function replaceClient(ctx: AdminContext): Promise<AdminResponse> {
  const current = await findAppByClientId(ctx.db, ctx.request.params.clientId ?? "");
  const body = readClientBody(ctx.request);
  if ("response" in body) return body.response;
  if (body.value.client_id !== undefined && body.value.client_id !== current.clientId) {
    return clientMetadataError([{ field: "client_id", message: "Must be the client_id of the client being replaced." }]);
  }
  const consent = (current.oauthSettings as { consent_method?: string } | null)?.consent_method ?? "REQUIRED";
  const parsed = parseClientMetadata(body.value, { consent_method: consent, ...(current.pkceRequired ? { pkce_required: true } : {}) });
  if (!parsed.ok) return clientMetadataError(parsed.errors);
  if (parsed.metadata.applicationType !== current.applicationType) {
    return clientMetadataError([{ field: "application_type", message: `The application type cannot be changed (it is ${current.applicationType}).` }]);
  }
  const app = await replaceRegistration(
    ctx.db,
    ctx.secretsKey,
    { current, registration: { label: parsed.clientName, metadata: parsed.metadata, extra: readAppExtra(current.extra), clientSecret: null }, now: ctx.now() },
    (tx, saved) => audit(tx, ctx, "application.lifecycle.update", `Updated client ${saved.label}`, [appTarget(saved)], { clientId: saved.clientId, registration: "dynamic" }),
  );
  return { status: 200, body: clientJson(app, await newestClientSecret(ctx.db, ctx.secretsKey, app)) };
}
