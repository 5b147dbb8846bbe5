import type { DbTx } from "../../db/create-db-client";
import { validationError } from "../../okta-api/admin-api-error";

/** E0000001 on name: scope names are unique per authorization server, compared without regard to case. */
export function duplicateScopeNameError(name: string, existing?: string) {
  const clash = existing && existing !== name ? ` (as '${existing}')` : "";
  return validationError("name", [`name: A scope named '${name}' already exists in this authorization server${clash}; scope names are unique, ignoring case.`]);
}

export async function assertScopeNameFree(tx: DbTx, authServerId: string, name: string, exceptId: string | null): Promise<void> {
  const existing = await tx.scope.findFirst({ where: { authServerId, nameLower: name.toLowerCase() }, select: { id: true, name: true } });
  if (existing && existing.id !== exceptId) throw duplicateScopeNameError(name, existing.name);
}
