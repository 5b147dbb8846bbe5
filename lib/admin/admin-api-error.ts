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
