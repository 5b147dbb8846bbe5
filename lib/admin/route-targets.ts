import type { ManagedTarget } from "../admin-roles/check-target-rules";
import type { AssigneeType } from "../admin-roles/role-assignee";
import type { AdminRequest } from "./admin-request";
import type { MatchedRoute } from "./match-admin-route";

const PRIVILEGE_ROUTES: Array<[RegExp, AssigneeType, string]> = [
  [/^\/users\/\[userId\]\/roles(\/|$)/, "USER", "userId"],
  [/^\/groups\/\[groupId\]\/roles(\/|$)/, "GROUP", "groupId"],
  [/^\/apps\/\[appId\]\/(roles|grants)(\/|$)/, "APP", "appId"],
];

/**
 * What a management API write acts on, for the target rules (lib/admin-roles/check-target-rules.ts):
 * roles and grants routes change privileges; anything under /users/{userId} a user, under
 * /groups/{groupId} (the group, its membership) a group, under /apps/{appId} (or /oauth2/v1/clients/{clientId}) an app; POST /users
 * with groupIds the groups, POST /org/settings the registrationDefaultGroupIds. Reads (GET) and other routes: none. The API token routes check their
 * owner in the operation (lib/admin/api-tokens), which the dashboard calls too.
 */
export function routeTargets(route: MatchedRoute, request: Pick<AdminRequest, "method" | "body" | "headers">): ManagedTarget[] {
  if (request.method === "GET") return [];
  const { pattern, params } = route;
  for (const [regex, type, param] of PRIVILEGE_ROUTES) {
    if (regex.test(pattern)) return [{ type: "privileges", assignee: { type, id: params[param] ?? "" } }];
  }
  if (pattern === "/users" && request.method === "POST") return [{ type: "groups", groupIds: idsOf(request.body, "groupIds") }];
  // the groups a self-registered user joins once verified: listing one that carries a role is granting it
  if (pattern === "/org/settings") return [{ type: "groups", groupIds: idsOf(request.body, "registrationDefaultGroupIds") }];
  if (pattern.startsWith("/users/[userId]")) return [{ type: "user", userId: params.userId ?? "" }];
  if (pattern === "/groups/[groupId]" || pattern.startsWith("/groups/[groupId]/users/")) return [{ type: "group", groupId: params.groupId ?? "" }];
  if (pattern.startsWith("/apps/[appId]")) return [{ type: "app", appId: params.appId ?? "" }];
  if (pattern.startsWith("/oauth2/v1/clients/[clientId]")) return [{ type: "client", clientId: params.clientId ?? "" }];
  return [];
}

/** A body's list of ids under `key` (groupIds of a new user, registrationDefaultGroupIds of the org settings), if it has one (a malformed body gets the operation's 400 later). */
function idsOf(body: string | null, key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(body ?? "");
    const ids = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>)[key] : undefined;
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}
