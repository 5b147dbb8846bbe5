import { enforceTargetRules, logPrivilegeDenied } from "../admin-roles/check-target-rules";
import { scopesForPermission, type Permission } from "../admin-roles/permissions";
import type { AppContext } from "../app-context";
import { getAdminRateLimit } from "../config/get-admin-rate-limit";
import { consumeRateLimit } from "../rate-limit/consume-rate-limit";
import { AdminApiError, rateLimitError, toAdminApiError, toAdminErrorBody } from "../okta-api/admin-api-error";
import type { Actor, AdminOperation, AdminRequest, AdminResponse, Caller } from "./admin-request";
import { authenticateApiToken } from "./authenticate-api-token";
import { authenticateBearerToken } from "./authenticate-bearer-token";
import { actorMay } from "./authorize-admin";
import { matchAdminRoute, routeRequirement } from "./match-admin-route";
import { SELF_ROUTE_SCOPES, type AdminMethod } from "./route-permissions";
import { routeTargets } from "./route-targets";

const FORBIDDEN_SUMMARY = "You do not have permission to perform the requested action";

/**
 * The management API's request pipeline: authenticate (`SSWS <api token>`, or `Bearer <access
 * token>` of the org authorization server) -> rate limit (per credential,
 * ADMIN_RATE_LIMIT_PER_MINUTE) -> authorize (the route's permission in ADMIN_ROUTE_PERMISSIONS,
 * granted by the caller's roles as of now and, for an access token, one of its scopes; then the
 * target rules of lib/admin-roles/check-target-rules.ts) -> operation -> Okta error shape. A path
 * the table does not list is refused (fail closed). Refusals are 403 E0000006 and a System Log
 * entry. The database being unavailable is a 503 (serviceUnavailableError, Retry-After); an
 * unexpected failure is a 500 with a generic body; their causes go to the log only.
 */
export async function handleAdminRequest(app: AppContext, request: AdminRequest, operation: AdminOperation): Promise<AdminResponse> {
  let rateHeaders: Record<string, string> = {};
  try {
    const now = app.now();
    const authorization = request.headers.get("authorization");
    const bearer = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? "");
    const actor = bearer?.[1] ? await authenticateBearerToken(app, bearer[1], now) : await authenticateApiToken(app.db, authorization, now);
    const budget = getAdminRateLimit();
    const key = actor.scopes !== null ? `oauth:${actor.userId}` : `api:${actor.apiTokenId}`;
    const decision = await consumeRateLimit(app.db, key, budget.limit, budget.windowSeconds, now);
    rateHeaders = {
      "X-Rate-Limit-Limit": String(decision.limit),
      "X-Rate-Limit-Remaining": String(decision.remaining),
      "X-Rate-Limit-Reset": String(Math.ceil(decision.resetAt.getTime() / 1000)),
    };
    if (!decision.allowed) throw rateLimitError(rateHeaders);
    const client = { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") };
    const caller: Caller = { actor, client, requestUri: request.url.pathname };
    await authorizeRoute(app, caller, request, now);
    const response = await operation({ ...app, request, ...caller });
    return { ...response, headers: { ...rateHeaders, ...response.headers } };
  } catch (error) {
    const apiError = toAdminApiError(error, `[admin-api] ${request.method} ${request.url.pathname}`);
    return { status: apiError.status, body: toAdminErrorBody(apiError), headers: { ...rateHeaders, ...apiError.headers } };
  }
}

/** The route's permission and target rules for this caller; throws 403 E0000006 (logged) when refused. */
async function authorizeRoute(app: AppContext, caller: Caller, request: AdminRequest, now: Date): Promise<void> {
  const { actor } = caller;
  const route = matchAdminRoute(request.url.pathname);
  const requirement = routeRequirement(route, request.method, actor.userId);
  const refuse = async (reason: string, headers: Record<string, string> = {}) => {
    await logPrivilegeDenied(app.db, caller, reason, now);
    return new AdminApiError(403, "E0000006", FORBIDDEN_SUMMARY, [reason], headers);
  };
  if (!route || !requirement) throw await refuse(`${request.method} ${request.url.pathname} has no entry in the permission table.`);
  if (requirement === "self") {
    // an access token needs a scope here too (SELF_ROUTE_SCOPES; a "self" route missing there: no scope will do)
    const permission = SELF_ROUTE_SCOPES[route.pattern]?.[request.method as AdminMethod];
    const scoped = permission !== undefined && scopesForPermission(permission).some((scope) => actor.scopes?.includes(scope));
    if (actor.scopes !== null && !scoped) throw await scopeRefusal(permission ?? "apiTokens.manage", refuse);
  } else if (!actorMay(actor, requirement)) throw await permissionRefusal(actor, requirement, refuse);
  for (const target of routeTargets(route, request)) await enforceTargetRules(app.db, caller, target, now);
}

/** Why `actor` may not use a route needing `permission`: their roles, or (RFC 6750 3.1) the access token's scopes. */
async function permissionRefusal(actor: Actor, permission: Permission, refuse: (reason: string, headers?: Record<string, string>) => Promise<AdminApiError>): Promise<AdminApiError> {
  if (!actorMay({ roles: actor.roles, scopes: null }, permission)) {
    return refuse(`This requires the permission ${permission}, which the roles ${actor.roles.join(", ") || "(none)"} do not grant.`);
  }
  return scopeRefusal(permission, refuse);
}

/** RFC 6750 3.1: the access token lacks every scope of `permission`. */
function scopeRefusal(permission: Permission, refuse: (reason: string, headers?: Record<string, string>) => Promise<AdminApiError>): Promise<AdminApiError> {
  const needed = scopesForPermission(permission)[0] ?? permission;
  return refuse(`The access token lacks the scope ${needed}.`, { "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${needed}"` });
}
