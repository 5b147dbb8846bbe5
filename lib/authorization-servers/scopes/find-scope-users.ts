import type { Db, DbTx } from "../../db/create-db-client";

type RuleConditions = { scopes?: { include?: unknown[] } } | null;

/**
 * What refers to a scope by name in this server: policy rules (conditions.scopes.include) and
 * claims (conditions.scopes). One readable line per user, for an E0000001 cause. Names are
 * compared without regard to case, as scope names are unique that way.
 */
export async function findScopeUsers(db: Db | DbTx, authServerId: string, scopeName: string): Promise<string[]> {
  const target = scopeName.toLowerCase();
  const refersToScope = (entry: unknown) => {
    const name = typeof entry === "string" ? entry : typeof entry === "object" && entry !== null ? (entry as { name?: unknown }).name : null;
    return typeof name === "string" && name.toLowerCase() === target;
  };
  // One after the other: inside an interactive transaction the queries share one connection.
  const rules = await db.policyRule.findMany({
    where: { policy: { authServerId } },
    select: { id: true, name: true, conditions: true, policy: { select: { id: true, name: true } } },
    orderBy: { id: "asc" },
  });
  const claims = await db.claim.findMany({ where: { authServerId }, select: { id: true, name: true, claimType: true, conditionScopes: true }, orderBy: { id: "asc" } });
  const users: string[] = [];
  for (const rule of rules) {
    const include = (rule.conditions as RuleConditions)?.scopes?.include;
    if (Array.isArray(include) && include.some(refersToScope)) {
      users.push(`Used by rule '${rule.name}' (${rule.id}) of policy '${rule.policy.name}' (${rule.policy.id}) in conditions.scopes.include.`);
    }
  }
  for (const claim of claims) {
    const scopes = claim.conditionScopes;
    if (Array.isArray(scopes) && scopes.some(refersToScope)) {
      users.push(`Used by ${claim.claimType} claim '${claim.name}' (${claim.id}) in conditions.scopes.`);
    }
  }
  return users;
}
