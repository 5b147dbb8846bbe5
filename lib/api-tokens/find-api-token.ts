import type { Db, DbTx } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";
import { liveApiTokenWhere } from "./live-api-token-where";

export const API_TOKEN_OWNER_SELECT = { id: true, login: true, profile: true } as const;

/** A live API token (with its owner) by id, or E0000007 (ApiToken): revoked and expired tokens are not found. */
export async function findApiToken(db: Db | DbTx, id: string, now: Date) {
  const token = await db.apiToken.findFirst({ where: { id, ...liveApiTokenWhere(now) }, include: { user: { select: API_TOKEN_OWNER_SELECT } } });
  if (!token) throw notFoundError(id, "ApiToken");
  return token;
}
