import { deleteClientSecret } from "../../../apps/delete-client-secret";
import { findClientSecret } from "../../../apps/find-client-secret";
import { validationError } from "../../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext } from "../../admin-request";
import { auditSecretChange } from "./secret-audit";

const notInactive = () => validationError("client_secret", ["client_secret: Only an INACTIVE client secret can be deleted; deactivate it first."]);

/** DELETE /api/v1/apps/:appId/credentials/secrets/:secretId -> 204; only an INACTIVE secret can be deleted (as Okta). */
export async function deleteAppClientSecret(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteAppClientSecret(ctx, ctx.request.params.appId ?? "", ctx.request.params.secretId ?? "");
  return { status: 204 };
}

/** deleteAppClientSecret as a typed operation. */
export async function runDeleteAppClientSecret(ctx: OperationContext, appId: string, secretId: string): Promise<void> {
  const { app, secret } = await findClientSecret(ctx.db, appId, secretId);
  if (secret.status !== "INACTIVE") throw notInactive();
  const outcome = await deleteClientSecret(ctx.db, { secretId: secret.id }, (tx) => auditSecretChange(tx, ctx, app, secret.id, "delete"));
  if (outcome === "not-inactive") {
    await findClientSecret(ctx.db, appId, secretId); // deleted concurrently: 404, as a second delete gets
    throw notInactive(); // activated concurrently
  }
}
