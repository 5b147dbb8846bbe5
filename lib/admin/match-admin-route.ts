import { ADMIN_ROUTE_PERMISSIONS, SELF_SERVICE, type AdminMethod, type RouteRequirement } from "./route-permissions";

/** The route a management API path names: its pattern (a key of ADMIN_ROUTE_PERMISSIONS) and the values of its dynamic segments. */
export type MatchedRoute = { pattern: string; params: Record<string, string> };

type Compiled = { pattern: string; segments: Array<{ literal: string } | { param: string }> };

const API_PREFIX = "/api/v1";
/** Table keys under this prefix name full paths (RFC 7591 dynamic client registration), the others paths under /api/v1. */
const FULL_PATH_PREFIX = "/oauth2/";

// Compiled once: each pattern's segments, literal or [param].
const COMPILED: Compiled[] = Object.keys(ADMIN_ROUTE_PERMISSIONS).map((pattern) => ({
  pattern,
  segments: pattern
    .split("/")
    .filter(Boolean)
    .map((segment) => (/^\[\w+\]$/.test(segment) ? { param: segment.slice(1, -1) } : { literal: segment })),
}));

/**
 * The pattern of ADMIN_ROUTE_PERMISSIONS a request path (/api/v1/..., /oauth2/v1/clients...) names, as the App Router
 * resolves it: a literal segment wins over a [param] at the same place (/api-tokens/current is not
 * /api-tokens/[apiTokenId]). Null for a path outside the table.
 */
export function matchAdminRoute(pathname: string): MatchedRoute | null {
  const relative = pathname.startsWith(`${API_PREFIX}/`) ? pathname.slice(API_PREFIX.length) : pathname.startsWith(FULL_PATH_PREFIX) ? pathname : null;
  if (relative === null) return null;
  const parts = relative.split("/").filter(Boolean);
  let best: { route: MatchedRoute; rank: string } | null = null;
  for (const { pattern, segments } of COMPILED) {
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let rank = "";
    let matches = true;
    segments.forEach((segment, index) => {
      const part = parts[index]!;
      if ("literal" in segment) {
        matches &&= segment.literal === part;
        rank += "0";
      } else {
        params[segment.param] = safeDecode(part);
        rank += "1";
      }
    });
    if (matches && (!best || rank < best.rank)) best = { route: { pattern, params }, rank };
  }
  return best?.route ?? null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * What a request needs (fail closed: null for a path or method the table does not list). A
 * SELF_SERVICE route on the caller's own object ("me" or their id) needs only "self".
 */
export function routeRequirement(route: MatchedRoute | null, method: string, actorUserId: string): RouteRequirement | null {
  if (!route) return null;
  const requirement = ADMIN_ROUTE_PERMISSIONS[route.pattern]?.[method as AdminMethod];
  if (!requirement) return null;
  const selfParam = SELF_SERVICE[route.pattern]?.[method as AdminMethod];
  if (selfParam && (route.params[selfParam] === "me" || route.params[selfParam] === actorUserId)) return "self";
  return requirement;
}
