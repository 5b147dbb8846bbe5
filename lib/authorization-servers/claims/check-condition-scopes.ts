import type { DbTx } from "../../db/create-db-client";
import { validationError } from "../../okta-api/admin-api-error";

/**
 * conditions.scopes must name scopes of this server, exactly as they are spelled (scope names are
 * case-sensitive in token requests; policy rules match them the same way). E0000001 with one cause
 * per unknown name.
 */
export async function checkConditionScopes(tx: DbTx, authServerId: string, names: string[]): Promise<void> {
  if (names.length === 0) return;
  const found = await tx.scope.findMany({ where: { authServerId, name: { in: names } }, select: { name: true } });
  const known = new Set(found.map((scope) => scope.name));
  const missing = names.filter((name) => !known.has(name));
  if (missing.length) {
    throw validationError(
      "conditions.scopes",
      missing.map((name) => `conditions.scopes: No scope named '${name}' exists in this authorization server.`),
    );
  }
}
