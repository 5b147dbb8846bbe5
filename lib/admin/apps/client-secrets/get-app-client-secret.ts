import type { AdminContext, AdminResponse } from "../../admin-request";
import { findClientSecret } from "../../../apps/find-client-secret";
import { presentClientSecret } from "./present-client-secret";

/** GET /api/v1/apps/:appId/credentials/secrets/:secretId -> 200 OAuth2ClientSecret (masked). */
export async function getAppClientSecret(ctx: AdminContext): Promise<AdminResponse> {
  const { secret } = await findClientSecret(ctx.db, ctx.request.params.appId ?? "", ctx.request.params.secretId ?? "");
  return { status: 200, body: presentClientSecret(ctx, secret) };
}
