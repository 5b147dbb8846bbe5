import { isUserAssignedToApp } from "../../assignments/is-user-assigned-to-app";
import { randomToken } from "../../crypto/random-token";
import { hashPassword } from "../../passwords/hash-password";
import { verifyPassword } from "../../passwords/verify-password";
import { writeSystemLog } from "../../system-log/write-system-log";
import { invalidGrant, invalidRequest } from "../errors/oauth-error";
import type { OAuthResponse } from "../http/oauth-request";
import { CLAIMS_USER_SELECT, toTokenUser } from "../issue/claims-user";
import { createRefreshToken, refreshFamilyExpiry } from "../issue/create-refresh-token";
import { toTokenDecision } from "../issue/token-decision";
import { evaluatePolicy } from "../policy/evaluate-policy";
import { TOKEN_EVENTS } from "./log-token-events";
import { parseScopeParam } from "./parse-scope-param";
import { readOrgTokenSettings } from "./read-org-token-settings";
import { refuseTokenRequest } from "./refuse-token-request";
import { respondWithUserTokens } from "./respond-with-user-tokens";
import { policyDenialError, tokenAccessDenied } from "./token-access-denied";
import { TOKEN_MESSAGES } from "./token-messages";
import type { TokenRequestContext } from "./token-request-context";

const PASSWORD_USER_SELECT = { ...CLAIMS_USER_SELECT, passwordHash: true, failedAttempts: true } as const;

/**
 * A hash of a random password with the current parameters, verified against when there is no
 * user (or no password), so that an unknown login costs what a wrong password costs.
 */
let dummyHash: Promise<string> | null = null;
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomToken(24));
  return dummyHash;
}

/**
 * grant_type=password (RFC 6749 4.3), for apps that registered it:
 * - `username` and `password` are required (invalid_request);
 * - the user is found by login, case-insensitively. Unknown users, users without a password and
 *   users that are not ACTIVE (STAGED, SUSPENDED, DEPROVISIONED, LOCKED_OUT, ...) all get the same
 *   invalid_grant "The credentials provided were invalid." after the same argon2 work, so the
 *   answer reveals nothing; the System Log records the real reason;
 * - a wrong password of an ACTIVE user counts a failed attempt (atomic increment); reaching the
 *   org's lockoutThreshold sets LOCKED_OUT (lockedOut, statusChanged = now) and logs
 *   user.account.lock. Nothing else is revoked here;
 * - a right password resets the count, sets lastLogin and upgrades a weaker hash;
 * - then the user must be assigned to the app (access_denied "User is not assigned to the client
 *   application."), and the policy is evaluated with the user's groups;
 * - tokens per the spec's table: an access token with the granted scopes (the server's defaults
 *   when none are asked for), a refresh token when offline_access is granted and the app has the
 *   refresh_token grant (a new family), an ID token when openid is granted (no nonce). auth_time
 *   is now. Every password grant is a new grant id, carried by its access tokens' jti.
 */
export async function grantPassword(ctx: TokenRequestContext): Promise<OAuthResponse> {
  const { app, client, snapshot, now } = ctx;
  const username = ctx.params.get("username");
  const password = ctx.params.get("password");
  if (!username) throw invalidRequest(TOKEN_MESSAGES.parameterRequired("username"));
  if (!password) throw invalidRequest(TOKEN_MESSAGES.parameterRequired("password"));

  const row = await app.db.user.findUnique({ where: { loginLower: username.toLowerCase() }, select: PASSWORD_USER_SELECT });
  const check = await verifyPassword(row?.passwordHash ?? (await timingDummyHash()), password);
  const logUser = row ? { id: row.id, login: row.login, profile: row.profile as Record<string, unknown> } : null;
  const refuseCredentials = (reason: string) => refuseTokenRequest(ctx, invalidGrant(TOKEN_MESSAGES.invalidCredentials), reason, { user: logUser, debug: { username } });

  if (!row) throw await refuseCredentials("INVALID_CREDENTIALS: no user with this login");
  if (row.status !== "ACTIVE") throw await refuseCredentials(`INVALID_CREDENTIALS: the user is ${row.status}`);
  if (!row.passwordHash) throw await refuseCredentials("INVALID_CREDENTIALS: the user has no password");
  if (!check.ok) {
    const locked = await countFailedAttempt(ctx, row.id, row.lastUpdated);
    throw await refuseCredentials(`INVALID_CREDENTIALS: wrong password${locked ? "; the user is now LOCKED_OUT" : ""}`);
  }

  await app.db.user.updateMany({
    where: { id: row.id },
    data: { lastLogin: now, failedAttempts: 0, lastUpdated: row.lastUpdated, ...(check.needsRehash ? { passwordHash: await hashPassword(password) } : {}) },
  });

  const tokenUser = toTokenUser(row, snapshot.everyoneGroupId);
  if (!(await isUserAssignedToApp(app.db, client.appId, row.id))) {
    throw await refuseTokenRequest(ctx, tokenAccessDenied(TOKEN_MESSAGES.userNotAssigned), "USER_NOT_ASSIGNED", { user: logUser });
  }
  const requested = parseScopeParam(ctx.params.get("scope"));
  const result = evaluatePolicy({ snapshot, clientId: client.clientId, grantType: "password", user: { id: row.id, groupIds: tokenUser.groupIds }, requestedScopes: requested });
  if (!result.ok) {
    throw await refuseTokenRequest(ctx, policyDenialError(result), result.reason, { user: logUser, debug: { policyId: result.policyId ?? null, requestedScopes: requested?.join(" ") ?? null } });
  }

  const decision = toTokenDecision(result);
  const grantId = randomToken(16);
  const expiresAt = refreshFamilyExpiry(decision, now);
  const refresh =
    result.grantedScopes.includes("offline_access") && client.grantTypes.includes("refresh_token")
      ? await createRefreshToken(app.db, {
          authServerId: snapshot.id,
          clientId: client.clientId,
          userId: row.id,
          familyId: grantId,
          parentId: null,
          scopes: result.grantedScopes,
          authTime: now,
          decision,
          expiresAt,
          now,
        })
      : null;
  return respondWithUserTokens(ctx, {
    tokenUser,
    scopes: result.grantedScopes,
    decision,
    grantId,
    authTime: now,
    refreshToken: refresh,
  });
}

/**
 * Counts one failed password check (an atomic increment, so parallel failures all count) and locks
 * the user out once the count reaches the org's threshold. Returns true when this call locked.
 * `lastUpdated` is written back unchanged: counters are not profile changes.
 */
async function countFailedAttempt(ctx: TokenRequestContext, userId: string, lastUpdated: Date): Promise<boolean> {
  const { app, now } = ctx;
  const settings = await readOrgTokenSettings(app.db);
  let attempts: number;
  try {
    ({ failedAttempts: attempts } = await app.db.user.update({
      where: { id: userId },
      data: { failedAttempts: { increment: 1 }, lastFailedAttempt: now, lastUpdated },
      select: { failedAttempts: true },
    }));
  } catch {
    return false; // the user was deleted meanwhile
  }
  if (settings.lockoutThreshold <= 0 || attempts < settings.lockoutThreshold) return false;
  const locked = await app.db.user.updateMany({
    where: { id: userId, status: "ACTIVE", failedAttempts: { gte: settings.lockoutThreshold } },
    data: { status: "LOCKED_OUT", lockedOut: now, statusChanged: now, lastUpdated: now },
  });
  if (locked.count !== 1) return false;
  const user = await app.db.user.findUnique({ where: { id: userId }, select: { login: true } });
  await writeSystemLog(
    app.db,
    {
      eventType: TOKEN_EVENTS.userLock,
      displayMessage: "Max sign in attempts exceeded",
      actor: { id: userId, type: "User", alternateId: user?.login ?? userId },
      client: { ipAddress: ctx.request.ipAddress, userAgent: ctx.request.headers.get("user-agent") },
      outcome: { result: "SUCCESS", reason: `${attempts} consecutive failed password checks (lockoutThreshold ${settings.lockoutThreshold})` },
      target: [{ id: userId, type: "User", alternateId: user?.login ?? userId }],
      debugContext: { failedAttempts: attempts, lockoutThreshold: settings.lockoutThreshold, clientId: ctx.client.clientId },
    },
    now,
  );
  return true;
}
