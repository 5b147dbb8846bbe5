import type { UserFactor } from "../../db/generated/sqlite/client";
import type { FactorActivation } from "../../factors/enroll-factor";
import { totpQrToken } from "../../factors/load-totp-qr-code";
import { TOTP } from "../../factors/check-totp-code";
import { isoTime, link, type Link } from "../../okta-api/links";

/**
 * Okta's Factor object: id, factorType, provider, vendorName (the provider), status, created,
 * lastUpdated, profile and the links its status allows (PENDING_ACTIVATION: activate, self GET;
 * ACTIVE: verify, self GET DELETE; both: user). `_embedded.activation` when there is one to show:
 * the TOTP parameters with the shared secret and the QR code link, or the WebAuthn
 * PublicKeyCredentialCreationOptions.
 */
export function factorJson(orgUrl: string, factor: UserFactor, activation?: FactorActivation | null) {
  const base = `/api/v1/users/${factor.userId}/factors/${factor.id}`;
  const links: Record<string, Link> =
    factor.status === "ACTIVE"
      ? { verify: link(orgUrl, `${base}/verify`, ["POST"]), self: link(orgUrl, base, ["GET", "DELETE"]) }
      : { activate: link(orgUrl, `${base}/lifecycle/activate`, ["POST"]), self: link(orgUrl, base, ["GET"]) };
  links.user = link(orgUrl, `/api/v1/users/${factor.userId}`, ["GET"]);
  const profile = factor.profile as Record<string, unknown>;
  return {
    id: factor.id,
    factorType: factor.factorType,
    provider: factor.provider,
    vendorName: factor.provider,
    status: factor.status,
    created: isoTime(factor.created),
    lastUpdated: isoTime(factor.lastUpdated),
    ...(Object.keys(profile).length ? { profile } : {}),
    _links: links,
    ...(activation ? { _embedded: { activation: activationJson(orgUrl, factor, activation) } } : {}),
  };
}

function activationJson(orgUrl: string, factor: UserFactor, activation: FactorActivation) {
  if (activation.kind === "webauthn") return activation.options;
  return {
    timeStep: TOTP.periodSeconds,
    sharedSecret: activation.sharedSecret,
    encoding: "base32",
    keyLength: TOTP.digits,
    _links: { qrcode: { href: `${orgUrl}/api/v1/users/${factor.userId}/factors/${factor.id}/qr/${totpQrToken(factor)}`, type: "image/png" } },
  };
}
