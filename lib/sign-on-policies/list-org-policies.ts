import type { Db } from "../db/create-db-client";
import type { OrgPolicy } from "../db/generated/sqlite/client";
import type { OrgPolicyType } from "./org-policy-types";
import { EVALUATION_ORDER } from "./place-in-order";

/** The org's policies of one type, in evaluation order (the default policy last). */
export function listOrgPolicies(db: Db, type: OrgPolicyType): Promise<OrgPolicy[]> {
  return db.orgPolicy.findMany({ where: { type }, orderBy: EVALUATION_ORDER });
}
