import type { Db } from "../db/create-db-client";
import { applyRotation, type RecordRotation } from "./apply-rotation";
import { listPublishedKeys } from "./list-published-keys";
import type { PublishedKey } from "./published-key";

export type KeyRotationResult = {
  /** false when a concurrent rotation won (this call changed nothing) or the server does not exist */
  rotated: boolean;
  /** the published keys after the rotation (re-read; null when the server does not exist) */
  keys: PublishedKey[] | null;
};

/**
 * Rotates an authorization server's keys now, in AUTO or MANUAL mode: ACTIVE -> EXPIRED (published
 * one more day), NEXT -> ACTIVE, a fresh key -> NEXT. When two instances rotate at the same moment,
 * one wins and the other re-reads: both answer with the keys as they are after that one rotation.
 * `record` writes the rotation's audit event in its transaction.
 */
export async function rotateKeys(db: Db, authServerId: string, secretsKey: Buffer, now: Date, record?: RecordRotation): Promise<KeyRotationResult> {
  const rotated = await applyRotation(db, authServerId, secretsKey, now, "always", record);
  return { rotated, keys: await listPublishedKeys(db, authServerId, secretsKey, now) };
}
