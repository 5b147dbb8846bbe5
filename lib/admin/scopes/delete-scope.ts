import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { findScope } from "./find-scope";
import { findScopeUsers } from "./find-scope-users";
import { scopeLogTargets } from "./scope-log-targets";

/**
 * DELETE /api/v1/authorizationServers/:authServerId/scopes/:scopeId -> bare 204. System scopes
 * cannot be deleted, and neither can a scope that a policy rule or a claim names: the cause lists
 * them, so the admin can remove the references first (nothing is changed behind their back).
 */
export async function deleteScope(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteScope(ctx, ctx.request.params.authServerId ?? "", ctx.request.params.scopeId ?? "");
  return { status: 204 };
}

/** deleteScope as a typed operation. */
export async function runDeleteScope(ctx: OperationContext, authServerId: string, scopeId: string): Promise<void> {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const scope = await findScope(ctx.db, server.id, scopeId);
  if (scope.system) throw validationError("scope", [`'${scope.name}' is a system scope; it cannot be deleted.`]);
  await ctx.db.$transaction(async (tx) => {
    const users = await findScopeUsers(tx, server.id, scope.name);
    if (users.length) {
      throw validationError("scope", [`The scope '${scope.name}' is in use; remove it from these rules and claims first.`, ...users]);
    }
    await tx.scope.delete({ where: { id: scope.id } });
    await touchAuthorizationServer(tx, server.id, ctx.now());
    await audit(tx, ctx, "oauth2.scope.deleted", `Deleted scope ${scope.name} from authorization server ${server.name}`, scopeLogTargets(scope, server));
  });
}
