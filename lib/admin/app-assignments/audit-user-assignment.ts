import type { OperationContext } from "../admin-request";
import { appTarget } from "../apps/app-target";
import { audit, type InTransaction } from "../audit";
import { userTarget } from "./assignment-targets";

/** The System Log event of a direct assignment saved (saveUserAssignment): added, or its profile updated. */
export function auditUserAssignment(
  tx: InTransaction,
  ctx: OperationContext,
  change: "add" | "update",
  app: { id: string; label: string; name: string },
  user: { id: string; login: string; profile: unknown },
) {
  const targets = [appTarget(app), userTarget(user)];
  return change === "add"
    ? audit(tx, ctx, "application.user_membership.add", `Added user ${user.login} to application ${app.label}`, targets)
    : audit(tx, ctx, "application.user_membership.update", `Updated the assignment of user ${user.login} to application ${app.label}`, targets);
}
