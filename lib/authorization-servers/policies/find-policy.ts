import type { Db, DbTx } from "../../db/create-db-client";
import { notFoundError } from "../../okta-api/admin-api-error";
import { findAuthorizationServer } from "../find-authorization-server";

/** The server and the policy named in the path (the policy must belong to that server), or E0000007. */
export async function findPolicy(db: Db | DbTx, authServerId: string, policyId: string) {
  const server = await findAuthorizationServer(db, authServerId);
  const policy = await db.policy.findFirst({ where: { id: policyId, authServerId: server.id } });
  if (!policy) throw notFoundError(policyId, "Policy");
  return { server, policy };
}
