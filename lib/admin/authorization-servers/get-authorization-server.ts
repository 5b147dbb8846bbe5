import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import { findActiveKid } from "../../keys/find-active-kid";
import { rotateDueKeys } from "../../keys/rotate-due-keys";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { authorizationServerJson } from "./authorization-server-json";

/** GET /api/v1/authorizationServers/:authServerId */
export async function getAuthorizationServer(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runGetAuthorizationServer(ctx, ctx.request.params.authServerId ?? "") };
}

/** getAuthorizationServer as a typed operation. */
export async function runGetAuthorizationServer(ctx: OperationContext, authServerId: string) {
  // AUTO rotation happens on read: the signing block must show the key in use now.
  await rotateDueKeys(ctx.db, authServerId, ctx.secretsKey, ctx.now());
  const server = await findAuthorizationServer(ctx.db, authServerId);
  return authorizationServerJson(ctx.orgUrl, server, await findActiveKid(ctx.db, server.id));
}
