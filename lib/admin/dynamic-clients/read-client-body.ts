import { AdminApiError } from "../../okta-api/admin-api-error";
import type { AdminRequest, AdminResponse } from "../admin-request";
import { readJsonBody } from "../../okta-api/read-json-body";
import { clientMetadataError } from "./client-metadata-error";

/**
 * The JSON object of a registration request, or the RFC 7591 answer for a body that is empty, not
 * JSON, too large or not an object (invalid_client_metadata). A wrong Content-Type stays Okta's 415.
 */
export function readClientBody(request: AdminRequest): { value: Record<string, unknown> } | { response: AdminResponse } {
  try {
    const value = readJsonBody(request);
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return { response: clientMetadataError([{ field: "body", message: "The request body must be a JSON object of client metadata." }]) };
    }
    return { value: value as Record<string, unknown> };
  } catch (error) {
    if (error instanceof AdminApiError && error.status === 400) {
      return { response: clientMetadataError([{ field: "body", message: error.causes[0] ?? error.errorSummary }]) };
    }
    throw error;
  }
}
