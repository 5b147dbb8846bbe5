import type { AdminContext, AdminResponse } from "../../admin-request";
import { findApp } from "../find-app";
import { presentClientSecret } from "./present-client-secret";

/** GET /api/v1/apps/:appId/credentials/secrets -> 200 [OAuth2ClientSecret] (masked), oldest first. */
export async function listAppClientSecrets(ctx: AdminContext): Promise<AdminResponse> {
  const app = await findApp(ctx.db, ctx.request.params.appId ?? "");
  const secrets = await ctx.db.clientSecret.findMany({ where: { appId: app.id }, orderBy: [{ created: "asc" }, { id: "asc" }] });
  return { status: 200, body: secrets.map((secret) => presentClientSecret(ctx, secret)) };
}
