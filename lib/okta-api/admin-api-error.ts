import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, unavailableReason } from "../db/is-database-unavailable";
import { randomBase62 } from "../ids/new-id";

/**
 * An error of the management API, carrying Okta's wire shape:
 * {errorCode, errorSummary, errorLink, errorId, errorCauses:[{errorSummary}]}.
 */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly errorSummary: string,
    readonly causes: string[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(errorSummary);
    this.name = "AdminApiError";
  }
}

export type AdminErrorBody = {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: Array<{ errorSummary: string }>;
};

export function toAdminErrorBody(error: AdminApiError, errorId = `oae${randomBase62(22)}`): AdminErrorBody {
  return {
    errorCode: error.errorCode,
    errorSummary: error.errorSummary,
    errorLink: error.errorCode,
    errorId,
    errorCauses: error.causes.map((errorSummary) => ({ errorSummary })),
  };
}

/** E0000001: one cause per invalid field. */
export const validationError = (field: string, causes: string[]) =>
  new AdminApiError(400, "E0000001", `Api validation failed: ${field}`, causes);
/** E0000007 */
export const notFoundError = (id: string, type: string) =>
  new AdminApiError(404, "E0000007", `Not found: Resource not found: ${id} (${type})`);
/** E0000011 */
export const invalidTokenError = () => new AdminApiError(401, "E0000011", "Invalid token provided");
/** E0000006 */
export const forbiddenError = () =>
  new AdminApiError(403, "E0000006", "You do not have permission to perform the requested action");
/** E0000022 */
export const methodNotAllowedError = (allowed: string[]) =>
  new AdminApiError(405, "E0000022", "The endpoint does not support the provided HTTP method", [], { Allow: allowed.join(", ") });
/** E0000003 */
export const malformedBodyError = (detail: string) =>
  new AdminApiError(400, "E0000003", "The request body was not well-formed.", [detail]);
/** E0000021 */
export const unsupportedMediaTypeError = () =>
  new AdminApiError(415, "E0000021", "Bad request. Accept and/or Content-Type headers likely do not match supported values.");
/** E0000047 */
export const rateLimitError = (headers: Record<string, string>) =>
  new AdminApiError(429, "E0000047", "API call exceeded rate limit due to too many requests.", [], headers);
/** E0000009 */
export const internalError = () => new AdminApiError(500, "E0000009", "Internal Server Error");
/**
 * 503 E0000009 with Retry-After: the database is down, frozen or out of connections. Okta documents
 * no code for "temporarily unavailable" (its one 503, E0000010, means the org is in read-only mode,
 * which would tell a client that reads work); E0000009 is its server-side error, and the status and
 * Retry-After say that retrying is right.
 */
export const serviceUnavailableError = () =>
  new AdminApiError(503, "E0000009", "Service Unavailable: the server could not reach its database. Try again later.", [], { "Retry-After": String(RETRY_AFTER_SECONDS) });

/**
 * A failure as an Okta API error when it is one the client should be told about: an AdminApiError
 * as it is, the database being unavailable as serviceUnavailableError; null for anything else (a
 * bug: the caller logs it and answers internalError).
 */
export function knownAdminApiError(error: unknown): AdminApiError | null {
  if (error instanceof AdminApiError) return error;
  return isDatabaseUnavailable(error) ? serviceUnavailableError() : null;
}

/**
 * Any failure as the Okta API error to answer: knownAdminApiError, else internalError (500). The
 * cause of a 503 or 500 goes to the server log (`what`: the request, e.g. "GET /api/v1/users"), never
 * to the client.
 */
export function toAdminApiError(error: unknown, what: string): AdminApiError {
  const known = knownAdminApiError(error);
  if (known && !(error instanceof AdminApiError)) console.warn(`${what}: database unavailable (${unavailableReason(error)})`);
  if (!known) console.error(`${what} failed:`, error);
  return known ?? internalError();
}
/** E0000022 with 404: a path under /api/v1 that names no endpoint, whatever the method (Okta's answer; never an HTML page). */
export const unknownEndpointError = () => new AdminApiError(404, "E0000022", "The endpoint does not support the provided HTTP method");
/** 413 (RFC 9110 15.5.14) as a validation error (E0000001) on the request body. */
export const bodyTooLargeError = (limitBytes: number) =>
  new AdminApiError(413, "E0000001", "Api validation failed: request body", [`The request body is too large: at most ${limitBytes / 1024} KiB.`], { Connection: "close" });
