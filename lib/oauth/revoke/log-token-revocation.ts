import type { OAuthClient } from "../../apps/oauth-client";
import type { Db } from "../../db/create-db-client";
import { TOKEN_REVOKE_EVENT } from "../tokens/token-events";
import { writeSystemLog } from "../../system-log/write-system-log";
import type { ServerSnapshot } from "../snapshot/types";
import type { RevocationOutcome } from "../tokens/revocation-outcome";

/**
 * System Log `app.oauth2.as.token.revoke` for a revocation request that found a token: SUCCESS
 * when it was revoked, FAILURE when it belongs to another client (nothing revoked). Unknown tokens
 * are not logged (anyone holding client credentials could flood the log with them).
 */
export async function logTokenRevocation(
  db: Db,
  input: { client: OAuthClient; snapshot: ServerSnapshot; outcome: RevocationOutcome; ipAddress: string | null; userAgent: string | null },
  now: Date,
): Promise<void> {
  const { client, snapshot, outcome } = input;
  if (outcome.kind === "unknown") return;
  const appTarget = { id: client.appId, type: "AppInstance", alternateId: client.clientId, displayName: client.label };
  const serverTarget = { id: snapshot.id, type: "AuthorizationServer", displayName: snapshot.name };
  const tokenTarget = {
    id: outcome.tokenId,
    type: outcome.tokenType === "access_token" ? "AccessToken" : "RefreshToken",
    ...("familyId" in outcome ? { detailEntry: { grantId: outcome.familyId } } : {}),
  };
  await writeSystemLog(
    db,
    {
      eventType: TOKEN_REVOKE_EVENT,
      displayMessage: outcome.kind === "revoked" ? "OAuth2 token revocation request" : "OAuth2 token revocation request for another client's token",
      actor: { id: client.clientId, type: "PublicClientApp", alternateId: client.clientId, displayName: client.label },
      client: { ipAddress: input.ipAddress, userAgent: input.userAgent },
      outcome: outcome.kind === "revoked" ? { result: "SUCCESS" } : { result: "FAILURE", reason: "The token was issued to another client; nothing was revoked." },
      target: [tokenTarget, appTarget, serverTarget],
      debugContext: { tokenType: outcome.tokenType, ...(outcome.kind === "foreign" ? { ownerClientId: outcome.ownerClientId } : {}) },
    },
    now,
  );
}
