import * as servers from "../../authorization-servers/create-authorization-server";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { authorizationServerInput, type AuthorizationServerBody } from "./authorization-server-input";
import { authorizationServerJson } from "./authorization-server-json";

/** POST /api/v1/authorizationServers -> 201, rotation mode AUTO, ACTIVE + NEXT keys, system scopes and claims. */
export async function createAuthorizationServer(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 201, body: await runCreateAuthorizationServer(ctx, () => readJsonBody<AuthorizationServerBody>(ctx.request)) };
}

/** createAuthorizationServer as a typed operation. */
export async function runCreateAuthorizationServer(ctx: OperationContext, body: Deferred<AuthorizationServerBody>) {
  const input = parseInput(authorizationServerInput, body(), "authorizationServer");
  const { server, activeKid } = await servers.createAuthorizationServer(
    ctx.db,
    ctx.secretsKey,
    { name: input.name, description: input.description ?? null, audiences: input.audiences, rotationMode: input.credentials?.signing?.rotationMode },
    ctx.now(),
    (tx, created) => audit(tx, ctx, "oauth2.as.created", `Created authorization server ${created.name}`, [{ id: created.id, type: "AuthorizationServer", displayName: created.name }]),
  );
  return authorizationServerJson(ctx.orgUrl, server, activeKid);
}
