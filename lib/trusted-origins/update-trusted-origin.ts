import type { Db } from "../db/create-db-client";
import type { TrustedOrigin } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { notFoundError } from "../okta-api/admin-api-error";
import { assertTrustedOriginFree, duplicateOriginError } from "./assert-trusted-origin-free";
import { originScopeColumns, type TrustedOriginFields } from "./origin-scope";

/**
 * The trusted origin `id` with a new name, origin and scopes (its status is kept), changed by
 * `actorId`: E0000001 when the origin or name belongs to another one, E0000007 when it was deleted
 * meanwhile. `record` runs in the same transaction after the update.
 */
export async function updateTrustedOrigin(
  db: Db,
  input: TrustedOriginFields & { id: string; actorId: string; now: Date },
  record: RecordChange<TrustedOrigin>,
): Promise<TrustedOrigin> {
  try {
    return await db.$transaction(async (tx) => {
      await assertTrustedOriginFree(tx, input, input.id);
      const updated = await tx.trustedOrigin.update({
        where: { id: input.id },
        data: { name: input.name, origin: input.origin, ...originScopeColumns(input.scopes), lastUpdatedBy: input.actorId, lastUpdated: input.now },
      });
      await record(tx, updated);
      return updated;
    });
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2002") throw duplicateOriginError(input.origin);
    if (code === "P2025") throw notFoundError(input.id, "TrustedOrigin"); // deleted meanwhile
    throw error;
  }
}
