import { validationError } from "../okta-api/admin-api-error";

/**
 * E0000001 for what the default (system) policy or rule cannot do: be deleted, deactivated, moved
 * from last place, or narrowed to some people (it is what applies when nothing else does).
 */
export function systemRefusal(field: string, cause: string) {
  return validationError(field, [`${field}: ${cause}`]);
}
