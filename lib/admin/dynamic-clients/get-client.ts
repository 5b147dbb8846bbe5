import { findAppByClientId } from "../../apps/find-app-by-client-id";
import type { AdminContext, AdminResponse } from "../admin-request";
import { clientJson } from "./client-json";

/** GET /oauth2/v1/clients/:clientId -> 200 client metadata (without the secret, as Okta). */
export async function getClient(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findAppByClientId(ctx.db, ctx.request.params.clientId ?? "");
  return { status: 200, body: clientJson(app, null) };
}
