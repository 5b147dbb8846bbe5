import type { Db, DbTx } from "../db/create-db-client";
import type { OrgPolicy } from "../db/generated/sqlite/client";
import { notFoundError } from "../okta-api/admin-api-error";

/** The org policy (OKTA_SIGN_ON, MFA_ENROLL or ACCESS_POLICY) with this id, or E0000007. */
export async function findOrgPolicy(db: Db | DbTx, policyId: string): Promise<OrgPolicy> {
  const policy = await db.orgPolicy.findUnique({ where: { id: policyId } });
  if (!policy) throw notFoundError(policyId, "Policy");
  return policy;
}
