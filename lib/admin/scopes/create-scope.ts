import { newId } from "../../ids/new-id";
import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { assertScopeNameFree, duplicateScopeNameError } from "./assert-scope-name-free";
import { isUniqueViolation } from "./is-unique-violation";
import { scopeData, type ScopeBody, scopeInput } from "./scope-input";
import { scopeJson } from "./scope-json";
import { scopeLogTargets } from "./scope-log-targets";

/** POST /api/v1/authorizationServers/:authServerId/scopes -> 201. Only the server creates system scopes. */
export async function createScope(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 201, body: await runCreateScope(ctx, ctx.request.params.authServerId ?? "", () => readJsonBody<ScopeBody>(ctx.request)) };
}

/** createScope as a typed operation. */
export async function runCreateScope(ctx: OperationContext, authServerId: string, body: Deferred<ScopeBody>) {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const input = parseInput(scopeInput, body(), "scope");
  if (input.system) throw validationError("system", ["system: The system flag is read-only; only the server creates system scopes."]);
  const now = ctx.now();
  let scope;
  try {
    scope = await ctx.db.$transaction(async (tx) => {
      await assertScopeNameFree(tx, server.id, input.name, null);
      const created = await tx.scope.create({
        data: { id: newId("scope"), authServerId: server.id, ...scopeData(input), system: false, created: now, lastUpdated: now },
      });
      await touchAuthorizationServer(tx, server.id, now);
      await audit(tx, ctx, "oauth2.scope.created", `Created scope ${created.name} in authorization server ${server.name}`, scopeLogTargets(created, server));
      return created;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateScopeNameError(input.name) : error;
  }
  return scopeJson(ctx.orgUrl, scope);
}
