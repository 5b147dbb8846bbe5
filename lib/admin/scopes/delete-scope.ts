import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import * as scopes from "../../authorization-servers/scopes/delete-scope";
import { findScope } from "../../authorization-servers/scopes/find-scope";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
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
  await scopes.deleteScope(ctx.db, scope, ctx.now(), (tx) =>
    audit(tx, ctx, "oauth2.scope.deleted", `Deleted scope ${scope.name} from authorization server ${server.name}`, scopeLogTargets(scope, server)),
  );
}
