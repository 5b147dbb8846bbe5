import type { DbTx } from "../db/create-db-client";
import { validationError } from "../okta-api/admin-api-error";

/** E0000001 on origin: each origin is registered once (the column is unique). */
export function duplicateOriginError(origin: string) {
  return validationError("origin", [`origin: An object with this field already exists in the current organization (${origin} is already a trusted origin).`]);
}

/**
 * Origins are unique (a unique index backs this check against races); names are unique too, as
 * Okta requires, checked here only.
 */
export async function assertTrustedOriginFree(tx: DbTx, input: { name: string; origin: string }, exceptId: string | null): Promise<void> {
  const sameOrigin = await tx.trustedOrigin.findUnique({ where: { origin: input.origin }, select: { id: true } });
  if (sameOrigin && sameOrigin.id !== exceptId) throw duplicateOriginError(input.origin);
  const sameName = await tx.trustedOrigin.findFirst({ where: { name: input.name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (sameName) throw validationError("name", [`name: An object with this field already exists in the current organization (a trusted origin named '${input.name}').`]);
}
