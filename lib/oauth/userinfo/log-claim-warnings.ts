import type { Db } from "../../db/create-db-client";
import { writeSystemLog } from "../../system-log/write-system-log";
import type { ClaimWarning } from "../claims/types";
import type { ServerSnapshot } from "../snapshot/types";
import { TOKEN_EVENTS } from "../tokens/token-events";

/**
 * One WARN System Log event (`app.oauth2.as.evaluate.claim`, as the token endpoint writes for
 * tokens) per custom claim left out of a userinfo answer (its definition is
 * invalid, its name is taken, or its expression failed or gave null), so the administrator sees why
 * a claim is missing. Nothing is written when there are none.
 */
export async function logClaimWarnings(
  db: Db,
  input: { warnings: readonly ClaimWarning[]; snapshot: ServerSnapshot; clientId: string; userId: string; ipAddress: string | null },
  now: Date,
): Promise<void> {
  for (const warning of input.warnings) {
    await writeSystemLog(
      db,
      {
        eventType: TOKEN_EVENTS.claim,
        severity: "WARN",
        displayMessage: `Claim '${warning.claimName}' was left out of the userinfo response`,
        actor: { id: input.clientId, type: "PublicClientApp", alternateId: input.clientId },
        client: { ipAddress: input.ipAddress },
        outcome: { result: "FAILURE", reason: warning.code },
        target: [
          { id: warning.claimId, type: "Claim", displayName: warning.claimName },
          { id: input.snapshot.id, type: "AuthorizationServer", displayName: input.snapshot.name },
          { id: input.userId, type: "User" },
        ],
        debugContext: { endpoint: "userinfo", claimId: warning.claimId, claimName: warning.claimName, claimType: warning.claimType, message: warning.message },
      },
      now,
    );
  }
}
