import type { Policy } from "../../db/generated/sqlite/client";
import type { Db } from "../../db/create-db-client";
import { PRIORITY_ORDER } from "./reprioritise";

/** A server's access policies in evaluation (priority) order. */
export function listPolicies(db: Db, authServerId: string): Promise<Policy[]> {
  return db.policy.findMany({ where: { authServerId }, orderBy: PRIORITY_ORDER });
}
