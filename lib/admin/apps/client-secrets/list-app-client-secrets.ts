import { findApp } from "../../../apps/find-app";
import { listClientSecrets } from "../../../apps/list-client-secrets";
import type { AdminContext, AdminResponse, OperationContext } from "../../admin-request";
import { presentClientSecret } from "./present-client-secret";

/** GET /api/v1/apps/:appId/credentials/secrets -> 200 [OAuth2ClientSecret] (masked), oldest first. */
export async function listAppClientSecrets(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListAppClientSecrets(ctx, ctx.request.params.appId ?? "") };
}

/** listAppClientSecrets as a typed operation. */
export async function runListAppClientSecrets(ctx: OperationContext, appId: string) {
  const app = await findApp(ctx.db, appId);
  const secrets = await listClientSecrets(ctx.db, app.id);
  return secrets.map((secret) => presentClientSecret(ctx, secret));
}
