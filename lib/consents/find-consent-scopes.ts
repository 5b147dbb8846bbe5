import type { Db } from "../db/create-db-client";
import type { ServerSnapshot } from "../oauth/snapshot/types";

export type ConsentQuestion = {
  /** the granted scopes whose consent is REQUIRED (what the page lists when it is shown) */
  required: string[];
  /** those the user has not granted to this app on this server yet */
  missing: string[];
};

/**
 * Which granted scopes need the user's consent: only for apps whose consent_method is REQUIRED
 * (TRUSTED apps never ask), and only scopes whose `consent` is REQUIRED. A ConsentGrant row
 * (user, client, server, scope) answers the question for good, until revoked.
 */
export async function findConsentScopes(
  db: Db,
  input: { snapshot: ServerSnapshot; clientId: string; consentMethod: string; userId: string; grantedScopes: readonly string[] },
): Promise<ConsentQuestion> {
  if (input.consentMethod !== "REQUIRED") return { required: [], missing: [] };
  const required = input.grantedScopes.filter((name) => input.snapshot.scopesByName[name]?.consent === "REQUIRED");
  if (required.length === 0) return { required, missing: [] };
  const grants = await db.consentGrant.findMany({
    where: { userId: input.userId, clientId: input.clientId, authServerId: input.snapshot.id, scope: { in: required } },
    select: { scope: true },
  });
  const granted = new Set(grants.map((grant) => grant.scope));
  return { required, missing: required.filter((name) => !granted.has(name)) };
}
