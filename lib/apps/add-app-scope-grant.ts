import type { Db } from "../db/create-db-client";
import type { AppScopeGrant } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { newId } from "../ids/new-id";
import { validationError } from "../okta-api/admin-api-error";

/** E0000001 for a scope the app already holds (the unique appId + scopeId index decides, race-free). */
export const scopeAlreadyGrantedError = (scopeId: string) => validationError("scopeId", [`scopeId: The app has already been granted ${scopeId}.`]);

/**
 * A new ACTIVE admin grant of the okta.* scope `scopeId` to the app, by `createdBy` (a user id or,
 * for a service app's token, an app id). `record` runs in the same transaction after the insert;
 * the insert moves the "clients" cache topic, so the token service sees the grant at once.
 */
export async function addAppScopeGrant(
  db: Db,
  input: { appId: string; scopeId: string; issuer: string; createdBy: string; now: Date },
  record: RecordChange<AppScopeGrant>,
): Promise<AppScopeGrant> {
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.appScopeGrant.create({
        data: {
          id: newId("appScopeGrant"),
          appId: input.appId,
          scopeId: input.scopeId,
          issuer: input.issuer,
          source: "ADMIN",
          status: "ACTIVE",
          createdBy: input.createdBy,
          created: input.now,
          lastUpdated: input.now,
        },
      });
      await record(tx, created);
      return created;
    });
  } catch (error) {
    throw prismaErrorCode(error) === "P2002" ? scopeAlreadyGrantedError(input.scopeId) : error;
  }
}
