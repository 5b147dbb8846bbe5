import { loadTotpQrCode } from "../../factors/load-totp-qr-code";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { findUser } from "../../users/find-user";
import { factorNotFoundError } from "./factor-errors";

/**
 * GET /api/v1/users/:userId/factors/:factorId/qr/:token -> 200 image/png: the QR code of a TOTP
 * factor's `_links.qrcode` (the otpauth:// URI with its secret), rendered here, while the factor
 * awaits activation; 404 E0000007 otherwise. Not cached anywhere (no-store, as every admin answer).
 */
export async function getFactorQrCode(ctx: AdminContext): Promise<AdminResponse> {
  const { userId = "", factorId = "", token = "" } = ctx.request.params;
  return { status: 200, binary: { contentType: "image/png", data: await runGetFactorQrCode(ctx, userId, factorId, token) } };
}

/** getFactorQrCode as a typed operation: the PNG. */
export async function runGetFactorQrCode(ctx: OperationContext, userId: string, factorId: string, token: string): Promise<Uint8Array> {
  const user = await findUser(ctx.db, userId);
  const png = await loadTotpQrCode(ctx.db, { userId: user.id, factorId, token, now: ctx.now(), secretsKey: ctx.secretsKey, issuer: new URL(ctx.orgUrl).hostname });
  if (!png) throw factorNotFoundError(factorId);
  return new Uint8Array(png);
}
