import type { Db } from "../db/create-db-client";
import type { App } from "../db/generated/sqlite/client";

/**
 * One keyset page of the apps whose sign-in an authentication policy (ACCESS_POLICY) decides,
 * ordered by app id (at most `take`, after `after`): those assigned to it and, for the default
 * policy (`isDefault`), those assigned to none as well. One query.
 */
export async function readAccessPolicyApps(db: Db, input: { policyId: string; isDefault: boolean; take: number; after: string | null }): Promise<App[]> {
  const mapped = { accessPolicy: { is: { policyId: input.policyId } } };
  return db.app.findMany({
    where: { ...(input.isDefault ? { OR: [mapped, { accessPolicy: { is: null } }] } : mapped), ...(input.after ? { id: { gt: input.after } } : {}) },
    orderBy: { id: "asc" },
    take: input.take,
  });
}
