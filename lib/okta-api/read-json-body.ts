import { AdminApiError, malformedBodyError, unsupportedMediaTypeError } from "./admin-api-error";
import type { PlainRequest } from "../http/plain-http";

/** Request bodies of the management API are small; anything larger is refused before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * The JSON body of a write request: 415 unless Content-Type is application/json, 400 when it is too
 * large, empty where a body is required, or not JSON. `Body` names the typed operation's body that
 * the JSON is handed to, unchecked: the operation checks it with its zod schema first thing.
 */
export function readJsonBody<Body = unknown>(request: PlainRequest, options: { optional?: boolean } = {}): Body {
  const text = request.body ?? "";
  if (text.trim() === "") {
    if (options.optional) return {} as Body;
    throw malformedBodyError("The request body is empty; a JSON object was expected.");
  }
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw unsupportedMediaTypeError();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) {
    throw new AdminApiError(400, "E0000001", "Api validation failed: body", [`The request body is larger than ${MAX_BODY_BYTES} bytes.`]);
  }
  try {
    return JSON.parse(text) as Body;
  } catch (error) {
    throw malformedBodyError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}
