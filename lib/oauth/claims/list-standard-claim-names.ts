import { STANDARD_CLAIMS_BY_SCOPE } from "./build-standard-claims";

/** Every standard claim name the granted scopes can give (whether the user has a value or not). */
export function listStandardClaimNames(scopes: readonly string[]): string[] {
  return Object.entries(STANDARD_CLAIMS_BY_SCOPE).flatMap(([scope, names]) => (scopes.includes(scope) ? [...names] : []));
}
