import { validationError } from "../../okta-api/admin-api-error";

/** E0000001 for a system claim (valueType SYSTEM): the server's own claims cannot be changed or deleted. */
export function assertCustomClaim(claim: { name: string; system: boolean }, action: "changed" | "deleted"): void {
  if (claim.system) throw validationError("claim", [`'${claim.name}' is a system claim; it cannot be ${action}.`]);
}
