import { randomBytes } from "node:crypto";
import { hashTokenBytes } from "../../crypto/hash-token";
import { randomToken } from "../../crypto/random-token";
import { asJson } from "../../db/as-json";
import type { Db, DbTx } from "../../db/create-db-client";
import { newId } from "../../ids/new-id";
import type { TokenDecision } from "./token-decision";

const MINUTE_MS = 60_000;

export type NewRefreshTokenFamily = {
  authServerId: string;
  clientId: string;
  userId: string;
  /** the grant: every rotation of it shares the family (and access tokens carry it in their jti) */
  familyId: string;
  /** the scopes of the grant (a rotation keeps them: RFC 6749 6) */
  scopes: readonly string[];
  authTime: Date | null;
  decision: TokenDecision;
  /** the absolute end of the family; null = unlimited. Every rotation inherits it. */
  expiresAt: Date | null;
  now: Date;
  random?: (size: number) => Buffer;
};

/** A token of a family that exists: a rotation (parentId = the presented token). */
export type NewRotatedRefreshToken = {
  familyId: string;
  parentId: string;
  /** the family's rule decision: the new token's sliding window */
  decision: TokenDecision;
  /** the family's absolute end */
  expiresAt: Date | null;
  now: Date;
  random?: (size: number) => Buffer;
};

export type CreatedRefreshToken = { token: string; id: string; windowEndsAt: Date; expiresAt: Date | null };

function tokenRow(input: { familyId: string; parentId: string | null; decision: TokenDecision; now: Date; random?: (size: number) => Buffer }) {
  const random = input.random ?? randomBytes;
  const token = randomToken(32, random);
  const id = newId("refreshToken", random);
  const windowEndsAt = new Date(input.now.getTime() + input.decision.refreshTokenWindowMinutes * MINUTE_MS);
  return { token, data: { id, tokenHash: hashTokenBytes(token), parentId: input.parentId, status: "ACTIVE", windowEndsAt, created: input.now } };
}

/**
 * Starts a grant's refresh-token family and stores its first ACTIVE token, returning the token's
 * value, which exists nowhere else: an opaque 256-bit random string, kept only as its SHA-256. What
 * every rotation of the grant shares (server, client, user, scopes, auth time, the rule's decision,
 * the absolute expiry) is stored once, in the family's row; the token's sliding window ends
 * `decision.refreshTokenWindowMinutes` from now.
 */
export async function createRefreshToken(db: Db | DbTx, input: NewRefreshTokenFamily): Promise<CreatedRefreshToken> {
  const { token, data } = tokenRow({ ...input, parentId: null });
  await db.refreshTokenFamily.create({
    data: {
      id: input.familyId,
      authServerId: input.authServerId,
      clientId: input.clientId,
      userId: input.userId,
      scopes: [...input.scopes],
      authTime: input.authTime,
      decision: asJson(input.decision),
      expiresAt: input.expiresAt,
      lastUsed: input.now,
      tokens: { create: data },
    },
  });
  return { token, id: data.id, windowEndsAt: data.windowEndsAt, expiresAt: input.expiresAt };
}

/** Stores the next ACTIVE token of an existing family (a rotation); the caller holds the family's lock. */
export async function createRotatedRefreshToken(tx: DbTx, input: NewRotatedRefreshToken): Promise<CreatedRefreshToken> {
  const { token, data } = tokenRow(input);
  await tx.refreshToken.create({ data: { ...data, familyId: input.familyId } });
  return { token, id: data.id, windowEndsAt: data.windowEndsAt, expiresAt: input.expiresAt };
}

/** The absolute end of a new family from the rule's refresh token lifetime (0 = unlimited). */
export function refreshFamilyExpiry(decision: TokenDecision, now: Date): Date | null {
  return decision.refreshTokenLifetimeMinutes > 0 ? new Date(now.getTime() + decision.refreshTokenLifetimeMinutes * MINUTE_MS) : null;
}
