import { AdminApiError } from "./admin-api-error";

/**
 * E0000022 with 404: what Okta answers for a path under /api/v1 that names no endpoint, whatever
 * the method, so an SDK always gets its JSON error shape instead of an HTML page.
 */
export const unknownEndpointError = () => new AdminApiError(404, "E0000022", "The endpoint does not support the provided HTTP method");
