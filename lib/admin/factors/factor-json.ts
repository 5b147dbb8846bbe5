import type { UserFactor } from "../../db/generated/sqlite/client";
import type { FactorActivation } from "../../factors/enroll-factor";
import { totpQrToken } from "../../factors/load-totp-qr-code";
import { authenticatorName } from "../../factors/authenticator-names";
import { TOTP } from "../../factors/check-totp-code";
import { WEBAUTHN_FACTOR } from "../../factors/supported-factors";
import { isoTime, link, type Link } from "../../okta-api/links";

/**
 * Okta's Factor object: id, factorType, provider, vendorName (the provider), status, created,
 * lastUpdated, lastVerified (once a proof of it was accepted), profile and the links its status allows (PENDING_ACTIVATION: activate, self GET;
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
  const profile = profileJson(factor);
  return {
    id: factor.id,
    factorType: factor.factorType,
    provider: factor.provider,
    vendorName: factor.provider,
    status: factor.status,
    created: isoTime(factor.created),
    lastUpdated: isoTime(factor.lastUpdated),
    ...(factor.lastVerified ? { lastVerified: isoTime(factor.lastVerified) } : {}),
    ...(Object.keys(profile).length ? { profile } : {}),
    _links: links,
    ...(activation ? { _embedded: { activation: activationJson(orgUrl, factor, activation) } } : {}),
  };
}

/**
 * The factor's profile as stored; an ACTIVE WebAuthn factor always has profile.authenticatorName
 * (stored at activation; a factor activated before names were kept gets its AAGUID's name, else
 * "Passkey").
 */
function profileJson(factor: UserFactor): Record<string, unknown> {
  const profile = factor.profile as Record<string, unknown>;
  if (factor.factorType !== WEBAUTHN_FACTOR || factor.status !== "ACTIVE" || typeof profile.authenticatorName === "string") return profile;
  return { ...profile, authenticatorName: authenticatorName({ aaguid: factor.aaguid, deviceType: null }) };
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
