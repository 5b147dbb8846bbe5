import type { ClientMetadata, ClientMetadataInput, MetadataError } from "../../apps/client-metadata";
import { validateClientMetadata } from "../../apps/validate-client-metadata";

/** The RFC 7591 / OIDC Registration fields this server reads; any other metadata is ignored. */
const FIELDS = [
  "application_type",
  "redirect_uris",
  "post_logout_redirect_uris",
  "response_types",
  "grant_types",
  "token_endpoint_auth_method",
  "client_uri",
  "logo_uri",
  "initiate_login_uri",
  "tos_uri",
  "policy_uri",
  "jwks",
  "jwks_uri",
] as const;

export type ParsedClient = { ok: true; clientName: string; metadata: ClientMetadata } | { ok: false; errors: MetadataError[] };

/**
 * A registration request's metadata through the Apps API's validation (validateClientMetadata);
 * only the names differ: client_name is the app's label. `fixed` supplies what DCR cannot set
 * (consent_method, pkce_required), from the app on replace.
 */
export function parseClientMetadata(body: Record<string, unknown>, fixed: { consent_method: string; pkce_required?: boolean }): ParsedClient {
  const input: ClientMetadataInput = { consent_method: fixed.consent_method, pkce_required: fixed.pkce_required };
  for (const field of FIELDS) (input as Record<string, unknown>)[field] = body[field];
  const errors: MetadataError[] = [];
  const name = typeof body.client_name === "string" ? body.client_name.trim() : "";
  if (!name) errors.push({ field: "client_name", message: "The field cannot be left blank." });
  else if (name.length > 255) errors.push({ field: "client_name", message: "At most 255 characters." });
  const result = validateClientMetadata(input, { consentMethod: "REQUIRED" });
  if (!result.ok) errors.push(...result.errors);
  if (errors.length || !result.ok) return { ok: false, errors };
  return { ok: true, clientName: name, metadata: result.value };
}
