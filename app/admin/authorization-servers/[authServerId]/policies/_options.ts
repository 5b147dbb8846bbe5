import { pageOf } from "@/lib/admin/pagination";
import { runListScopes } from "@/lib/admin/scopes/list-scopes";
import { read } from "../../../_lib/admin-request";

/** The scopes the rule, claim and preview forms offer (a server's first 200, as the API's default page). */
export async function loadScopeNames(authServerId: string): Promise<string[]> {
  const { items } = await read((ctx) => runListScopes(ctx, authServerId, () => ({ page: pageOf(200, null) })));
  return items.map((scope) => scope.name);
}
