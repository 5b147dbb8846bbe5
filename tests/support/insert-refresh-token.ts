import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/create-db-client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";

/** A refresh-token row as a test writes it: the token's own columns and what its family holds. */
export type RefreshTokenRowInput = {
  id: string;
  /** hex SHA-256 (stored as its 32 bytes), or any other text (stored as its SHA-256) */
  tokenHash: string;
  familyId: string;
  parentId?: string | null;
  authServerId: string;
  clientId: string;
  userId: string;
  scopes: string[];
  status: string;
  authTime?: Date | null;
  decision: Prisma.InputJsonValue;
  expiresAt?: Date | null;
  windowEndsAt: Date;
  rotated?: Date | null;
  revoked?: Date | null;
  created?: Date;
};

/**
 * Writes a refresh token directly (for states the protocol cannot reach quickly): its family's row
 * (server, client, user, scopes, decision, absolute end) unless the family exists, then the token.
 */
export async function insertRefreshToken(db: Db, input: RefreshTokenRowInput) {
  const { id, tokenHash, familyId, parentId, status, windowEndsAt, rotated, revoked, created, ...family } = input;
  const lastUsed = created ?? new Date();
  await db.refreshTokenFamily.upsert({
    where: { id: familyId },
    create: { id: familyId, ...family, lastUsed },
    update: {},
  });
  return db.refreshToken.create({
    data: { id, tokenHash: storedHash(tokenHash), familyId, parentId: parentId ?? null, status, windowEndsAt, rotated: rotated ?? null, revoked: revoked ?? null, ...(created ? { created } : {}) },
  });
}

function storedHash(tokenHash: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(/^[0-9a-f]{64}$/.test(tokenHash) ? Buffer.from(tokenHash, "hex") : createHash("sha256").update(tokenHash).digest());
}
