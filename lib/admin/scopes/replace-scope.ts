import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import { findScope } from "../../authorization-servers/scopes/find-scope";
import * as scopes from "../../authorization-servers/scopes/replace-scope";
import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { scopeData, type ScopeBody, scopeInput } from "./scope-input";
import { scopeJson } from "./scope-json";
import { scopeLogTargets } from "./scope-log-targets";

/**
 * PUT /api/v1/authorizationServers/:authServerId/scopes/:scopeId -> 200. A full replace: omitted
 * fields return to their defaults. `system` may be echoed, not changed. A system scope keeps its
 * name; a scope that rules or claims name keeps its name too (they refer to it by name).
 */
export async function replaceScope(ctx: AdminContext): Promise<AdminResponse> {
  const { authServerId = "", scopeId = "" } = ctx.request.params;
  return { status: 200, body: await runReplaceScope(ctx, authServerId, scopeId, () => readJsonBody<ScopeBody>(ctx.request)) };
}

/** replaceScope as a typed operation. */
export async function runReplaceScope(ctx: OperationContext, authServerId: string, scopeId: string, body: Deferred<ScopeBody>) {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const current = await findScope(ctx.db, server.id, scopeId);
  const input = parseInput(scopeInput, body(), "scope");
  if (input.system != null && input.system !== current.system) {
    throw validationError("system", [`system: The system flag is read-only; this scope's is ${current.system}.`]);
  }
  const scope = await scopes.replaceScope(ctx.db, current, scopeData(input), ctx.now(), (tx, updated) =>
    audit(tx, ctx, "oauth2.scope.updated", `Updated scope ${updated.name} in authorization server ${server.name}`, scopeLogTargets(updated, server), {
      ...(updated.name !== current.name ? { previousName: current.name } : {}),
    }),
  );
  return scopeJson(ctx.orgUrl, scope);
}
