import type { Db } from "../db/create-db-client";
import type { TrustedOrigin } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { notFoundError } from "../okta-api/admin-api-error";
import { findTrustedOrigin } from "./find-trusted-origin";

/**
 * The trusted origin `id` with `status` (an INACTIVE origin is trusted for no scope), changed by
 * `actorId`; E0000007 when there is none (or it is deleted meanwhile). Asking for the current status
 * changes nothing and records nothing; otherwise `record` runs in the update's transaction.
 */
export async function setTrustedOriginStatus(
  db: Db,
  input: { id: string; status: "ACTIVE" | "INACTIVE"; actorId: string; now: Date },
  record: RecordChange<TrustedOrigin>,
): Promise<TrustedOrigin> {
  const origin = await findTrustedOrigin(db, input.id);
  if (origin.status === input.status) return origin;
  const { id } = origin;
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.trustedOrigin.update({ where: { id }, data: { status: input.status, lastUpdatedBy: input.actorId, lastUpdated: input.now } });
      await record(tx, updated);
      return updated;
    });
  } catch (error) {
    throw prismaErrorCode(error) === "P2025" ? notFoundError(id, "TrustedOrigin") : error; // deleted meanwhile
  }
}
