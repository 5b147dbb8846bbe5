import { randomBytes } from "node:crypto";
import { hashToken } from "../../crypto/hash-token";
import { randomToken } from "../../crypto/random-token";
import { asJson } from "../../db/as-json";
import type { Db, DbTx } from "../../db/create-db-client";
import { newId } from "../../ids/new-id";
import type { TokenDecision } from "./token-decision";

const MINUTE_MS = 60_000;

export type NewRefreshToken = {
  authServerId: string;
  clientId: string;
  userId: string;
  /** the grant: every rotation of it shares the family (and access tokens carry it in their jti) */
  familyId: string;
  /** the token this one replaces (rotation); null for the first of a family */
  parentId: string | null;
  /** the scopes of the grant (a rotation keeps them: RFC 6749 6) */
  scopes: readonly string[];
  authTime: Date | null;
  decision: TokenDecision;
  /** the absolute end of the family; null = unlimited. A rotation inherits it. */
  expiresAt: Date | null;
  now: Date;
  random?: (size: number) => Buffer;
};

export type CreatedRefreshToken = { token: string; id: string; windowEndsAt: Date; expiresAt: Date | null };

/**
 * Stores a new ACTIVE refresh token and returns its value, which exists nowhere else: an opaque
 * 256-bit random string, kept only as its SHA-256. Its sliding window ends
 * `decision.refreshTokenWindowMinutes` from now.
 */
export async function createRefreshToken(db: Db | DbTx, input: NewRefreshToken): Promise<CreatedRefreshToken> {
  const random = input.random ?? randomBytes;
  const token = randomToken(32, random);
  const id = newId("refreshToken", random);
  const windowEndsAt = new Date(input.now.getTime() + input.decision.refreshTokenWindowMinutes * MINUTE_MS);
  await db.refreshToken.create({
    data: {
      id,
      tokenHash: hashToken(token),
      familyId: input.familyId,
      parentId: input.parentId,
      authServerId: input.authServerId,
      clientId: input.clientId,
      userId: input.userId,
      scopes: [...input.scopes],
      status: "ACTIVE",
      authTime: input.authTime,
      decision: asJson(input.decision),
      expiresAt: input.expiresAt,
      windowEndsAt,
      created: input.now,
    },
  });
  return { token, id, windowEndsAt, expiresAt: input.expiresAt };
}

/** The absolute end of a new family from the rule's refresh token lifetime (0 = unlimited). */
export function refreshFamilyExpiry(decision: TokenDecision, now: Date): Date | null {
  return decision.refreshTokenLifetimeMinutes > 0 ? new Date(now.getTime() + decision.refreshTokenLifetimeMinutes * MINUTE_MS) : null;
}
