import { findClientSecret } from "../../../apps/find-client-secret";
import { setClientSecretStatus } from "../../../apps/set-client-secret-status";
import { validationError } from "../../../okta-api/admin-api-error";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../../admin-request";
import { presentClientSecret } from "./present-client-secret";
import { auditSecretChange } from "./secret-audit";

/**
 * POST /api/v1/apps/:appId/credentials/secrets/:secretId/lifecycle/activate|deactivate -> 200
 * OAuth2ClientSecret (masked). The last ACTIVE secret of an app cannot be deactivated: the app
 * would be locked out (create the replacement first).
 */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  return async (ctx: OperationContext, appId: string, secretId: string) => {
    const { app, secret } = await findClientSecret(ctx.db, appId, secretId);
    if (secret.status === status) return presentClientSecret(ctx, secret);
    const updated = await setClientSecretStatus(ctx.db, { appId: app.id, secretId: secret.id, status, now: ctx.now() }, (tx) =>
      auditSecretChange(tx, ctx, app, secret.id, status === "ACTIVE" ? "activate" : "deactivate"),
    );
    if (updated === "last-active") {
      throw validationError("client_secret", ["client_secret: The last ACTIVE client secret of an application cannot be deactivated; create a new one first."]);
    }
    return presentClientSecret(ctx, updated);
  };
}

/** The typed operations. */
export const runActivateAppClientSecret = setStatus("ACTIVE");
export const runDeactivateAppClientSecret = setStatus("INACTIVE");

function endpoint(run: typeof runActivateAppClientSecret): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => ({ status: 200, body: await run(ctx, ctx.request.params.appId ?? "", ctx.request.params.secretId ?? "") });
}

export const activateAppClientSecret = endpoint(runActivateAppClientSecret);
export const deactivateAppClientSecret = endpoint(runDeactivateAppClientSecret);
