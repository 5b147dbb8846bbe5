import { createHash } from "node:crypto";
import { decryptSecret } from "../crypto/decrypt-secret";
import type { Db } from "../db/create-db-client";
import type { UserFactor } from "../db/generated/sqlite/client";
import { timingSafeEqualStrings } from "../crypto/timing-safe-equal-strings";
import { factorSecretContext } from "./factor-secret-context";
import { renderQrPng } from "./render-qr-png";
import { TOTP_FACTOR } from "./supported-factors";
import { totpProvisioningUri } from "./totp-provisioning-uri";

/** How long after enrollment the QR code of a factor enrolled ACTIVE (activate=true) stays available. */
export const QR_CODE_LIFETIME_MS = 10 * 60_000;

/**
 * The path token of a TOTP factor's QR code link: a digest of its sealed secret, so a link names one
 * secret and stops working when the factor is enrolled again (a new secret).
 */
export function totpQrToken(factor: Pick<UserFactor, "secretEncrypted">): string {
  return createHash("sha256").update(`factor-qr:${factor.secretEncrypted ?? ""}`, "utf8").digest("base64url").slice(0, 32);
}

/**
 * The QR code (PNG) that provisions a TOTP factor in an authenticator app: the otpauth:// URI with
 * the factor's secret, issued by the org, for the user's login. Only while the factor awaits
 * activation (or within QR_CODE_LIFETIME_MS of an enrollment that activated it at once), and only
 * for the link's token; null otherwise.
 */
export async function loadTotpQrCode(
  db: Db,
  input: { userId: string; factorId: string; token: string; now: Date; secretsKey: Buffer; issuer: string },
): Promise<Buffer | null> {
  const factor = await db.userFactor.findFirst({ where: { id: input.factorId, userId: input.userId, factorType: TOTP_FACTOR }, include: { user: { select: { login: true } } } });
  if (!factor?.secretEncrypted || !timingSafeEqualStrings(totpQrToken(factor), input.token)) return null;
  const fresh = input.now.getTime() - factor.created.getTime() <= QR_CODE_LIFETIME_MS;
  if (factor.status !== "PENDING_ACTIVATION" && !fresh) return null;
  const secret = decryptSecret(factor.secretEncrypted, input.secretsKey, factorSecretContext(factor.id));
  return renderQrPng(totpProvisioningUri({ issuer: input.issuer, accountName: factor.user.login, secret }));
}
