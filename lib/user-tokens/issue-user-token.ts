import { randomBytes } from "node:crypto";
import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import type { InTransaction } from "../db/record-change";
import type { UserTokenKind } from "./user-token-kinds";

/**
 * Issues a one-time token of `kind` for a user inside the caller's transaction (with the change and
 * the email that hand it out): 256 random bits returned to the caller only, its SHA-256 stored. The
 * user's previous tokens of the same kind are deleted first, so only the newest link works. An
 * EMAIL_CHANGE token carries the address it proves (`newEmail`).
 */
export async function issueUserToken(
  tx: InTransaction,
  input: { userId: string; kind: UserTokenKind; lifetimeMs: number; now: Date; newEmail?: string; random?: (size: number) => Buffer },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32, input.random ?? randomBytes);
  const expiresAt = new Date(input.now.getTime() + input.lifetimeMs);
  await tx.userToken.deleteMany({ where: { userId: input.userId, kind: input.kind } });
  await tx.userToken.create({ data: { tokenHash: hashToken(token), userId: input.userId, kind: input.kind, newEmail: input.newEmail ?? null, expiresAt, created: input.now }, select: { tokenHash: true } });
  return { token, expiresAt };
}
