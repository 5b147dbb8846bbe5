import { getOrgPolicies } from "../../sign-on-policies/get-org-policies";
import type { OperationContext } from "../admin-request";

/**
 * Which authentication policy (ACCESS_POLICY) decides each app's sign-in, for the apps' JSON
 * (`_links.accessPolicy`): the one it is assigned to, else the org's default. Read from the cached
 * policy set the sign-ins read (lib/sign-on-policies/get-org-policies.ts): no query per app, none
 * at all while the cache is warm.
 */
export async function appAccessPolicies(ctx: OperationContext): Promise<(appId: string) => string | null> {
  const set = await getOrgPolicies(ctx.db, ctx.now());
  return (appId) => set.appAccessPolicies.get(appId) ?? set.defaultAccessPolicyId;
}
