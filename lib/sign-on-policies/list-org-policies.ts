import type { Db } from "../db/create-db-client";
import type { OrgPolicy } from "../db/generated/sqlite/client";
import type { PolicyType } from "./org-policy-types";
import { EVALUATION_ORDER } from "./place-in-order";

/** The org's policies of one type, in evaluation order (the default policy last). */
export function listOrgPolicies(db: Db, type: PolicyType): Promise<OrgPolicy[]> {
  return db.orgPolicy.findMany({ where: { type }, orderBy: EVALUATION_ORDER });
}
