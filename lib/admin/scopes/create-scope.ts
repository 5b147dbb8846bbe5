import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import * as scopes from "../../authorization-servers/scopes/create-scope";
import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
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
  const scope = await scopes.createScope(ctx.db, server.id, scopeData(input), ctx.now(), (tx, created) =>
    audit(tx, ctx, "oauth2.scope.created", `Created scope ${created.name} in authorization server ${server.name}`, scopeLogTargets(created, server)),
  );
  return scopeJson(ctx.orgUrl, scope);
}
