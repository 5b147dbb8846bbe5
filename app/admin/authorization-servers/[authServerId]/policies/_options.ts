import { listScopes } from "@/lib/admin/scopes/list-scopes";
import { read } from "../../../_lib/admin-request";

/** The scopes the rule form offers. */
export async function loadScopeNames(authServerId: string): Promise<string[]> {
  const scopes = await read<Array<{ name: string }>>(listScopes, { path: `/api/v1/authorizationServers/${authServerId}/scopes`, params: { authServerId } });
  return scopes.map((scope) => scope.name);
}
