import type { ClaimWarning } from "../claims/types";
import { queueSystemLog } from "../../system-log/queue-system-log";
import type { LogActor, LogTarget, SystemLogInput } from "../../system-log/write-system-log";
import { TOKEN_EVENTS } from "../tokens/token-events";
import type { TokenRequestContext } from "./token-request-context";

export type TokenLogUser = { id: string; login: string; profile?: Record<string, unknown> };

export type TokenLogEntry = {
  eventType: string;
  result: "SUCCESS" | "FAILURE" | "DENY";
  /** why (failures): never sent to the client */
  reason?: string;
  displayMessage: string;
  /** the resource owner: the actor of user grants; absent: the client is the actor */
  user?: TokenLogUser | null;
  /** the token issued (successes) */
  token?: { type: "access_token" | "refresh_token" | "id_token"; id: string; expires?: Date | null };
  debug?: Record<string, unknown>;
  severity?: SystemLogInput["severity"];
};

function userDisplayName(user: TokenLogUser): string {
  const profile = user.profile ?? {};
  const name = [profile.firstName, profile.lastName].filter((part) => typeof part === "string" && part).join(" ");
  return name || user.login;
}

/**
 * Writes token endpoint events to the System Log: the actor is the user for user grants and the
 * client otherwise; targets are the app, the authorization server and the token issued;
 * debugContext carries the grant type, the client authentication method and what the caller adds
 * (policy and rule ids, scopes, reasons). Queued (queueSystemLog): the response never waits for
 * the log, and writes never fail the request.
 */
export async function logTokenEvents(ctx: TokenRequestContext, entries: readonly TokenLogEntry[]): Promise<void> {
  const { client, snapshot } = ctx;
  const clientActor: LogActor = { id: client.clientId, type: "PublicClientApp", alternateId: client.clientId, displayName: client.label };
  const userAgent = ctx.request.headers.get("user-agent");
  for (const entry of entries) {
    const actor: LogActor = entry.user ? { id: entry.user.id, type: "User", alternateId: entry.user.login, displayName: userDisplayName(entry.user) } : clientActor;
    const target: LogTarget[] = [
      { id: client.appId, type: "AppInstance", alternateId: client.clientId, displayName: client.label },
      { id: snapshot.id, type: "AuthorizationServer", displayName: snapshot.name },
    ];
    if (entry.token) {
      target.push({
        id: entry.token.id,
        type: entry.token.type,
        ...(entry.token.expires !== undefined ? { detailEntry: { expires: entry.token.expires?.toISOString() ?? null } } : {}),
      });
    }
    queueSystemLog(
      ctx.app.db,
      {
        eventType: entry.eventType,
        ...(entry.severity ? { severity: entry.severity } : {}),
        displayMessage: entry.displayMessage,
        actor,
        client: { ipAddress: ctx.request.ipAddress, userAgent },
        outcome: { result: entry.result, ...(entry.reason ? { reason: entry.reason } : {}) },
        target,
        debugContext: { grantType: ctx.grantType, clientAuthMethod: ctx.clientAuthMethod, ...entry.debug },
      },
      ctx.now,
    );
  }
}

/** One WARN entry per custom claim a token left out (never an error for the client). */
export function claimWarningEntries(warnings: readonly ClaimWarning[], tokenType: "access_token" | "id_token", user: TokenLogUser | null): TokenLogEntry[] {
  return warnings.map((warning) => ({
    eventType: TOKEN_EVENTS.claim,
    result: "FAILURE",
    severity: "WARN",
    reason: warning.code,
    displayMessage: `Claim '${warning.claimName}' was left out of the ${tokenType === "access_token" ? "access token" : "ID token"}`,
    user,
    debug: { claimId: warning.claimId, claimName: warning.claimName, claimType: warning.claimType, tokenType, message: warning.message },
  }));
}
