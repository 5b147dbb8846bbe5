import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import * as servers from "../../authorization-servers/replace-authorization-server";
import { findActiveKid } from "../../keys/find-active-kid";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { authorizationServerInput, type AuthorizationServerBody } from "./authorization-server-input";
import { authorizationServerJson } from "./authorization-server-json";

/**
 * PUT /api/v1/authorizationServers/:authServerId. Switching the rotation mode does not change the
 * active key (spec): MANUAL clears the schedule, AUTO schedules the next rotation 90 days after the
 * last one.
 */
export async function replaceAuthorizationServer(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runReplaceAuthorizationServer(ctx, ctx.request.params.authServerId ?? "", () => readJsonBody<AuthorizationServerBody>(ctx.request)) };
}

/** replaceAuthorizationServer as a typed operation. */
export async function runReplaceAuthorizationServer(ctx: OperationContext, authServerId: string, body: Deferred<AuthorizationServerBody>) {
  const current = await findAuthorizationServer(ctx.db, authServerId);
  const input = parseInput(authorizationServerInput, body(), "authorizationServer");
  const server = await servers.replaceAuthorizationServer(
    ctx.db,
    current,
    { name: input.name, description: input.description ?? null, audiences: input.audiences, rotationMode: input.credentials?.signing?.rotationMode },
    ctx.now(),
    (tx, updated) => audit(tx, ctx, "oauth2.as.updated", `Updated authorization server ${updated.name}`, [{ id: updated.id, type: "AuthorizationServer", displayName: updated.name }]),
  );
  return authorizationServerJson(ctx.orgUrl, server, await findActiveKid(ctx.db, server.id));
}
