import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import type { Db } from "../db/create-db-client";
import type { ApiToken } from "../db/generated/sqlite/client";
import { newId } from "../ids/new-id";
import { appendSystemLog } from "../system-log/write-system-log";
import { validationError } from "../okta-api/admin-api-error";
import { apiTokenLogTarget } from "./api-token-log-target";

export type CreateApiTokenInput = {
  name: string;
  /** the owner: the token acts with this user's rights (the management API requires an ACTIVE admin) */
  userId: string;
  clientName?: string;
  expiresAt?: Date | null;
};

/** "00" + 40 base64url characters (240 random bits), the shape of Okta's SSWS tokens. */
function generateApiTokenValue(): string {
  return `00${randomToken(30)}`;
}

/**
 * Creates an SSWS API token (for the dashboard; the management API has no create operation). The
 * token is returned once and only its SHA-256 is stored. Logs system.api_token.create with the
 * owner as actor. E0000001 for a blank or over-long name and for an owner that does not exist or
 * is not ACTIVE.
 */
export async function createApiToken(db: Db, input: CreateApiTokenInput, now: Date): Promise<{ token: string; record: ApiToken }> {
  const name = input.name.trim();
  if (!name) throw validationError("name", ["name: The field cannot be left blank."]);
  if (name.length > 255) throw validationError("name", ["name: A token name is at most 255 characters."]);
  const owner = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, login: true, status: true } });
  if (!owner || owner.status !== "ACTIVE") throw validationError("userId", ["userId: The owner must be an existing ACTIVE user."]);
  const token = generateApiTokenValue();
  const record = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        id: newId("apiToken"),
        name,
        tokenHash: hashToken(token),
        userId: owner.id,
        clientName: input.clientName ?? "Management API",
        status: "ACTIVE",
        expiresAt: input.expiresAt ?? null,
        created: now,
        lastUpdated: now,
      },
    });
    await appendSystemLog(
      tx,
      {
        eventType: "system.api_token.create",
        displayMessage: `Create API token ${created.name}`,
        actor: { id: owner.id, type: "User", alternateId: owner.login },
        outcome: { result: "SUCCESS" },
        target: [apiTokenLogTarget(created)],
      },
      now,
    );
    return created;
  });
  return { token, record };
}
