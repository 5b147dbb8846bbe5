import { hashToken } from "../../crypto/hash-token";
import type { Db, DbTx } from "../../db/create-db-client";
import { prismaErrorCode } from "../../db/prisma-error-code";
import { invalidClient } from "../errors/oauth-error";
import { CLIENT_AUTH_MESSAGES } from "./client-auth-messages";

/** The UsedAssertion key: hex SHA-256 of `client_id + " " + jti` (a jti is unique per client only). */
function usedAssertionKey(clientId: string, jti: string): string {
  return hashToken(`${clientId} ${jti}`);
}

/**
 * Marks a client assertion's jti as used until the assertion expires (Okta: "If jti is specified,
 * the token can only be used once"). The insert is the check: the primary key refuses a second
 * row for the same client and jti (Prisma P2002), on any instance, so two concurrent requests with
 * one assertion cannot both pass. A replay is 401 invalid_client.
 */
export async function consumeAssertionJti(db: Db | DbTx, clientId: string, jti: string, expiresAt: Date): Promise<void> {
  try {
    await db.usedAssertion.create({ data: { key: usedAssertionKey(clientId, jti), expiresAt } });
  } catch (error) {
    if (prismaErrorCode(error) === "P2002") throw invalidClient(CLIENT_AUTH_MESSAGES.assertionReplayed);
    throw error;
  }
}
