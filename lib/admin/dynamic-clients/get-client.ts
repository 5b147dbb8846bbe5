import type { AdminContext, AdminResponse } from "../admin-request";
import { clientJson } from "./client-json";
import { findClient } from "./find-client";

/** GET /oauth2/v1/clients/:clientId -> 200 client metadata (without the secret, as Okta). */
export async function getClient(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findClient(ctx.db, ctx.request.params.clientId ?? "");
  return { status: 200, body: clientJson(app, null) };
}
