import type { DbTx } from "../../db/create-db-client";
import { validationError } from "../../okta-api/admin-api-error";

/** E0000001 on name: a claim name is unique per server and claim type (token). */
export function duplicateClaimNameError(claimType: string, name: string) {
  return validationError("name", [`name: A ${claimType} claim named '${name}' already exists in this authorization server.`]);
}

export async function assertClaimNameFree(tx: DbTx, authServerId: string, claimType: string, name: string, exceptId: string | null): Promise<void> {
  const existing = await tx.claim.findFirst({ where: { authServerId, claimType, name }, select: { id: true } });
  if (existing && existing.id !== exceptId) throw duplicateClaimNameError(claimType, name);
}
