import { listFactors as listUserFactors } from "../../factors/list-factors";
import { readTotpSecret } from "../../factors/read-totp-secret";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { findUser } from "../../users/find-user";
import { factorJson } from "./factor-json";

/**
 * GET /api/v1/users/:userId/factors -> 200 [Factor] (SDK listFactors): every factor the user
 * enrolled, oldest first; a TOTP factor awaiting activation shows its activation (as Okta's does).
 */
export async function listFactors(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListFactors(ctx, ctx.request.params.userId ?? "") };
}

/** listFactors as a typed operation. */
export async function runListFactors(ctx: OperationContext, userId: string) {
  const user = await findUser(ctx.db, userId);
  const factors = await listUserFactors(ctx.db, user.id);
  return factors.map((factor) => factorJson(ctx.orgUrl, factor, pendingTotpActivation(factor, ctx.secretsKey)));
}

/** The activation a PENDING_ACTIVATION TOTP factor still shows: its secret, to provision an authenticator. */
export function pendingTotpActivation(factor: Parameters<typeof readTotpSecret>[0] & { status: string }, secretsKey: Buffer) {
  if (factor.status !== "PENDING_ACTIVATION") return null;
  const sharedSecret = readTotpSecret(factor, secretsKey);
  return sharedSecret ? { kind: "totp" as const, sharedSecret } : null;
}
