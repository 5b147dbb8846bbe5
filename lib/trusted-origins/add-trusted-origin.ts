import type { Db } from "../db/create-db-client";
import type { TrustedOrigin } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { newId } from "../ids/new-id";
import { assertTrustedOriginFree, duplicateOriginError } from "./assert-trusted-origin-free";
import { originScopeColumns, type TrustedOriginFields } from "./origin-scope";

/**
 * A new ACTIVE trusted origin, created by `actorId`; E0000001 when its origin or name is taken
 * (checked in the transaction; the unique index on origin catches a concurrent twin). `record`
 * runs in the same transaction after the insert.
 */
export async function addTrustedOrigin(db: Db, input: TrustedOriginFields & { actorId: string; now: Date }, record: RecordChange<TrustedOrigin>): Promise<TrustedOrigin> {
  try {
    return await db.$transaction(async (tx) => {
      await assertTrustedOriginFree(tx, input, null);
      const created = await tx.trustedOrigin.create({
        data: {
          id: newId("trustedOrigin"),
          name: input.name,
          origin: input.origin,
          status: "ACTIVE",
          ...originScopeColumns(input.scopes),
          createdBy: input.actorId,
          lastUpdatedBy: input.actorId,
          created: input.now,
          lastUpdated: input.now,
        },
      });
      await record(tx, created);
      return created;
    });
  } catch (error) {
    throw prismaErrorCode(error) === "P2002" ? duplicateOriginError(input.origin) : error;
  }
}
