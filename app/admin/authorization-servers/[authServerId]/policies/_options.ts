import { listApps } from "@/lib/admin/apps/list-apps";
import { listGroups } from "@/lib/admin/groups/list-groups";
import { listScopes } from "@/lib/admin/scopes/list-scopes";
import { listUsers } from "@/lib/admin/users/list-users";
import { read } from "../../../_lib/admin-request";
import type { Option } from "./_policy-forms";

/** The choices the policy and rule forms offer: apps (by client id), users, groups, scopes. */
export async function loadPolicyOptions(authServerId: string) {
  const [apps, users, groups, scopes] = await Promise.all([
    read<Array<{ label: string; credentials: { oauthClient: { client_id: string } } }>>(listApps, { path: "/api/v1/apps", query: { limit: "200" } }),
    read<Array<{ id: string; profile: { login: string } }>>(listUsers, { path: "/api/v1/users", query: { limit: "200" } }),
    read<Array<{ id: string; profile: { name: string } }>>(listGroups, { path: "/api/v1/groups", query: { limit: "200" } }),
    read<Array<{ name: string }>>(listScopes, { path: `/api/v1/authorizationServers/${authServerId}/scopes`, params: { authServerId } }),
  ]);
  const clients: Option[] = apps.map((app) => ({ value: app.credentials.oauthClient.client_id, label: `${app.label} (${app.credentials.oauthClient.client_id})` }));
  return {
    clients,
    clientLabels: new Map(clients.map((c) => [c.value, c.label])),
    users: users.map((user) => ({ value: user.id, label: user.profile.login })),
    groups: groups.map((group) => ({ value: group.id, label: group.profile.name })),
    scopes: scopes.map((scope) => scope.name),
  };
}
