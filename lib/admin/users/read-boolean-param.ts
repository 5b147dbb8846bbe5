import { validationError } from "../../okta-api/admin-api-error";

/** A `true`/`false` query parameter (case-insensitive), its default when absent, E0000001 otherwise. */
export function readBooleanParam(url: URL, name: string, fallback: boolean): boolean {
  const values = url.searchParams.getAll(name);
  if (values.length === 0) return fallback;
  const value = values.length === 1 ? values[0]!.trim().toLowerCase() : "";
  if (value === "true") return true;
  if (value === "false") return false;
  throw validationError(name, [`${name}: Must be true or false, given once.`]);
}
