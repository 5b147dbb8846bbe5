import { validationError } from "../../okta-api/admin-api-error";

/** `?activate=true|false` on create (default true, as Okta). */
export function parseActivateParam(url: URL): boolean {
  const values = url.searchParams.getAll("activate");
  if (values.length === 0) return true;
  if (values.length === 1 && (values[0] === "true" || values[0] === "false")) return values[0] === "true";
  throw validationError("activate", ["activate: Must be true or false."]);
}
