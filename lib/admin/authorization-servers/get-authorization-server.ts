import { rotateDueKeys } from "../../keys/rotate-due-keys";
import type { AdminContext, AdminResponse } from "../admin-request";
import { authorizationServerJson } from "./authorization-server-json";
import { activeKid, findAuthorizationServer } from "./find-authorization-server";

/** GET /api/v1/authorizationServers/:authServerId */
export async function getAuthorizationServer(ctx: AdminContext): Promise<AdminResponse> {
  // AUTO rotation happens on read: the signing block must show the key in use now.
  await rotateDueKeys(ctx.db, ctx.request.params.authServerId ?? "", ctx.secretsKey, ctx.now());
  const server = await findAuthorizationServer(ctx.db, ctx.request.params.authServerId ?? "");
  return { status: 200, body: authorizationServerJson(ctx.orgUrl, server, await activeKid(ctx.db, server.id)) };
}
