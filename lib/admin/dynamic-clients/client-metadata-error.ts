import type { MetadataError } from "../../apps/client-metadata";
import type { AdminResponse } from "../admin-request";

/**
 * RFC 7591 section 3.2.2 error answer: 400 {error, error_description}. `invalid_redirect_uri` when
 * a redirect URI is at fault, `invalid_client_metadata` otherwise; the description lists every
 * problem as "field: message" (Okta: "client_name: The field cannot be left blank").
 */
export function clientMetadataError(errors: MetadataError[]): AdminResponse {
  const redirect = errors.some((error) => error.field === "redirect_uris");
  return {
    status: 400,
    body: {
      error: redirect ? "invalid_redirect_uri" : "invalid_client_metadata",
      error_description: errors.map((error) => `${error.field}: ${error.message}`).join(" "),
    },
  };
}
