import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { assertScopeNameFree, duplicateScopeNameError } from "./assert-scope-name-free";
import { findScope } from "./find-scope";
import { findScopeUsers } from "./find-scope-users";
import { isUniqueViolation } from "./is-unique-violation";
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
  const renamed = input.name !== current.name;
  if (renamed && current.system) {
    throw validationError("name", [`name: '${current.name}' is a system scope; it cannot be renamed.`]);
  }
  const now = ctx.now();
  let scope;
  try {
    scope = await ctx.db.$transaction(async (tx) => {
      if (renamed) {
        await assertScopeNameFree(tx, server.id, input.name, current.id);
        const users = await findScopeUsers(tx, server.id, current.name);
        if (users.length) {
          throw validationError("name", [`name: The scope '${current.name}' cannot be renamed while rules or claims refer to it by name.`, ...users]);
        }
      }
      const updated = await tx.scope.update({ where: { id: current.id }, data: { ...scopeData(input), lastUpdated: now } });
      await touchAuthorizationServer(tx, server.id, now);
      await audit(tx, ctx, "oauth2.scope.updated", `Updated scope ${updated.name} in authorization server ${server.name}`, scopeLogTargets(updated, server), {
        ...(renamed ? { previousName: current.name } : {}),
      });
      return updated;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateScopeNameError(input.name) : error;
  }
  return scopeJson(ctx.orgUrl, scope);
}
