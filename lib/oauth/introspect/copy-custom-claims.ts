import { isReservedClaimName } from "../../claims/reserved-claim-names";
import { setClaim } from "../claims/set-claim";

/**
 * Adds a token's custom claims (every claim whose name is not a protocol name: custom claims can
 * never take one) to an introspection answer, after its top-level members. Protocol claims are left
 * to the caller, which maps them (cid -> client_id, scp -> scope) or leaves them out (ver,
 * auth_time, amr, ...).
 */
export function copyCustomClaims(target: Record<string, unknown>, claims: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(claims)) {
    if (!isReservedClaimName(name) && !Object.hasOwn(target, name)) setClaim(target, name, value);
  }
}
