import { AdminApiError } from "./admin-api-error";

/** 413 (RFC 9110 15.5.14) in Okta's shape: a validation error (E0000001) on the request body. */
export const bodyTooLargeError = (limitBytes: number) =>
  new AdminApiError(413, "E0000001", "Api validation failed: request body", [`The request body is too large: at most ${limitBytes / 1024} KiB.`], { Connection: "close" });
