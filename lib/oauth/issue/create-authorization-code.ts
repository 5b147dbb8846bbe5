import { randomBytes } from "node:crypto";
import { hashToken } from "../../crypto/hash-token";
import { randomToken } from "../../crypto/random-token";
import { asJson } from "../../db/as-json";
import type { Db, DbTx } from "../../db/create-db-client";
import type { PolicyDecision } from "../policy/evaluate-policy";
import { toTokenDecision, type TokenDecision } from "./token-decision";

/** Okta's authorization codes live 60 seconds. */
export const AUTHORIZATION_CODE_LIFETIME_MS = 60_000;

export type NewAuthorizationCode = {
  authServerId: string;
  /** the client the code is bound to */
  clientId: string;
  userId: string;
  sessionId?: string | null;
  /** the redirect_uri of the authorization request, exactly as sent: the exchange must repeat it byte for byte */
  redirectUri: string;
  /** the granted scopes */
  scopes: readonly string[];
  nonce?: string | null;
  /** PKCE (RFC 7636): the challenge as sent and its method (only S256 is accepted at the exchange) */
  codeChallenge?: string | null;
  codeChallengeMethod?: string | null;
  /** when the user authenticated (ID token auth_time) */
  authTime: Date;
  /** the policy decision taken at /authorize: its lifetimes apply at the exchange (not re-evaluated) */
  decision: PolicyDecision | TokenDecision;
  now: Date;
  random?: (size: number) => Buffer;
};

/**
 * Issues an authorization code (for /authorize): a 256-bit random value returned once and stored
 * only as its SHA-256, valid for 60 seconds and for one exchange by `clientId` with the same
 * redirect_uri (see grantAuthorizationCode). Returns the code.
 */
export async function createAuthorizationCode(db: Db | DbTx, input: NewAuthorizationCode): Promise<string> {
  const code = randomToken(32, input.random ?? randomBytes);
  await db.authorizationCode.create({
    data: {
      codeHash: hashToken(code),
      authServerId: input.authServerId,
      clientId: input.clientId,
      userId: input.userId,
      sessionId: input.sessionId ?? null,
      redirectUri: input.redirectUri,
      scopes: [...input.scopes],
      nonce: input.nonce || null,
      codeChallenge: input.codeChallenge || null,
      codeChallengeMethod: input.codeChallenge ? (input.codeChallengeMethod ?? null) : null,
      authTime: input.authTime,
      decision: asJson(toTokenDecision(input.decision)),
      expiresAt: new Date(input.now.getTime() + AUTHORIZATION_CODE_LIFETIME_MS),
      created: input.now,
    },
  });
  return code;
}
