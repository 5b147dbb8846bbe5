import type { App } from "../../../db/generated/sqlite/client";
import type { OperationContext } from "../../admin-request";
import { audit, type InTransaction } from "../../audit";
import { appTarget } from "../app-target";

/**
 * Client secret changes are changes to the app's credentials: Okta's application.lifecycle.update,
 * with the secret and the operation in debugContext (clientSecretId, clientSecretChange).
 */
export function auditSecretChange(tx: InTransaction, ctx: OperationContext, app: App, secretId: string, change: "create" | "activate" | "deactivate" | "delete") {
  const verb = { create: "Created", activate: "Activated", deactivate: "Deactivated", delete: "Deleted" }[change];
  return audit(tx, ctx, "application.lifecycle.update", `${verb} client secret ${secretId} of application ${app.label}`, [appTarget(app)], {
    clientSecretId: secretId,
    clientSecretChange: change,
  });
}
