import type { Db } from "../db/create-db-client";
import { newId } from "../ids/new-id";

/**
 * The user allowed `scopes` to the app on this server (the consent page): one ConsentGrant per
 * scope, created or, when it exists, touched (lastUpdated). Later requests of this user, app and
 * server find them (findConsentScopes) and ask no more, until revoked.
 */
export async function grantConsent(db: Db, input: { userId: string; clientId: string; authServerId: string; scopes: readonly string[]; now: Date }): Promise<void> {
  const { userId, clientId, authServerId, now } = input;
  for (const scope of input.scopes) {
    await db.consentGrant.upsert({
      where: { userId_clientId_authServerId_scope: { userId, clientId, authServerId, scope } },
      create: { id: newId("consentGrant"), userId, clientId, authServerId, scope, created: now, lastUpdated: now },
      update: { lastUpdated: now },
    });
  }
}
