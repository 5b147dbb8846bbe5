import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import type { UserFactor } from "../db/generated/sqlite/client";
import { TOTP } from "../factors/check-totp-code";
import { totpQrToken } from "../factors/load-totp-qr-code";
import { WEBAUTHN_TIMEOUT_MS } from "../factors/webauthn-timeouts";
import { link } from "../okta-api/links";
import type { EnrollOption, FactorChoice } from "../signin/decide-sign-in-step";

/** The user of an authn transaction as Okta embeds it (`_embedded.user`). */
export type AuthnUser = { id: string; login: string; profile: Record<string, unknown>; passwordChanged: Date | null };

const stringOrNull = (value: unknown) => (typeof value === "string" ? value : null);

export function authnUserJson(user: AuthnUser) {
  return {
    id: user.id,
    passwordChanged: user.passwordChanged?.toISOString() ?? null,
    profile: {
      login: user.login,
      firstName: stringOrNull(user.profile.firstName),
      lastName: stringOrNull(user.profile.lastName),
      locale: stringOrNull(user.profile.locale),
      timeZone: stringOrNull(user.profile.timeZone),
    },
  };
}

const cancelLink = (orgUrl: string) => link(orgUrl, "/api/v1/authn/cancel", ["POST"]);
const nextLink = (orgUrl: string, name: string, path: string) => ({ name, ...link(orgUrl, path, ["POST"]) });
const factorBase = (factor: { factorType: string; provider: string }) => ({ factorType: factor.factorType, provider: factor.provider, vendorName: factor.provider });

/** The Transaction object of a state waiting for the client: stateToken, expiresAt, status, `_embedded` (user and the state's own), `_links`. */
function transaction(orgUrl: string, state: { stateToken: string; expiresAt: Date; status: string; user: AuthnUser; extra?: Record<string, unknown>; embedded: Record<string, unknown>; links?: Record<string, unknown> }) {
  return {
    stateToken: state.stateToken,
    expiresAt: state.expiresAt.toISOString(),
    status: state.status,
    ...state.extra,
    _embedded: { user: authnUserJson(state.user), ...state.embedded },
    _links: { ...state.links, cancel: cancelLink(orgUrl) },
  };
}

/** SUCCESS: the one-time sessionToken the app redeems at /authorize; no stateToken (the transaction is over). */
export function successJson(orgUrl: string, state: { sessionToken: string; expiresAt: Date; user: AuthnUser }) {
  return {
    expiresAt: state.expiresAt.toISOString(),
    status: "SUCCESS",
    sessionToken: state.sessionToken,
    _embedded: { user: authnUserJson(state.user) },
    _links: { cancel: cancelLink(orgUrl) },
  };
}

/** MFA_REQUIRED: the user's factors, each with its `verify` link, and the remember-device policy. */
export function mfaRequiredJson(
  orgUrl: string,
  state: { stateToken: string; expiresAt: Date; user: AuthnUser; factors: FactorChoice[]; rememberDeviceByDefault: boolean; factorLifetimeMinutes: number | null },
) {
  return transaction(orgUrl, {
    ...state,
    status: "MFA_REQUIRED",
    embedded: {
      factors: state.factors.map((factor) => ({
        id: factor.id,
        ...factorBase(factor),
        profile: factor.profile,
        _links: { verify: link(orgUrl, `/api/v1/authn/factors/${factor.id}/verify`, ["POST"]) },
      })),
      policy: {
        allowRememberDevice: state.factorLifetimeMinutes !== null,
        rememberDeviceLifetimeInMinutes: state.factorLifetimeMinutes ?? 0,
        rememberDeviceByDefault: state.rememberDeviceByDefault,
        factorsPolicyInfo: {},
      },
    },
  });
}

/** MFA_ENROLL: the factors the user may (REQUIRED: must) enroll, each NOT_SETUP with its `enroll` link. */
export function mfaEnrollJson(orgUrl: string, state: { stateToken: string; expiresAt: Date; user: AuthnUser; options: EnrollOption[] }) {
  return transaction(orgUrl, {
    ...state,
    status: "MFA_ENROLL",
    embedded: {
      factors: state.options.map((option) => ({
        ...factorBase(option),
        status: "NOT_SETUP",
        enrollment: option.requirement,
        _links: { enroll: link(orgUrl, "/api/v1/authn/factors", ["POST"]) },
      })),
    },
  });
}

/** What MFA_ENROLL_ACTIVATE shows: a TOTP factor's shared secret (and QR code link), or the WebAuthn creation options; none when it cannot be shown again. */
export type AuthnActivation = { kind: "totp"; sharedSecret: string } | { kind: "webauthn"; options: PublicKeyCredentialCreationOptionsJSON } | null;

/** MFA_ENROLL_ACTIVATE: the enrolled factor with `_embedded.activation`, and `next` (activate). */
export function mfaEnrollActivateJson(orgUrl: string, state: { stateToken: string; expiresAt: Date; user: AuthnUser; factor: UserFactor; activation: AuthnActivation }) {
  const { factor, activation } = state;
  const activationJson =
    activation?.kind === "totp"
      ? {
          timeStep: TOTP.periodSeconds,
          sharedSecret: activation.sharedSecret,
          encoding: "base32",
          keyLength: TOTP.digits,
          _links: { qrcode: { href: `${orgUrl}/api/v1/users/${factor.userId}/factors/${factor.id}/qr/${totpQrToken(factor)}`, type: "image/png" } },
        }
      : activation?.options;
  return transaction(orgUrl, {
    ...state,
    status: "MFA_ENROLL_ACTIVATE",
    extra: { factorResult: "WAITING" },
    embedded: { factor: { id: factor.id, ...factorBase(factor), profile: factor.profile, ...(activationJson ? { _embedded: { activation: activationJson } } : {}) } },
    links: { next: nextLink(orgUrl, "activate", `/api/v1/authn/factors/${factor.id}/lifecycle/activate`) },
  });
}

/** MFA_CHALLENGE (WebAuthn): the factor with the challenge to sign (`_embedded.challenge`), and `next` (verify). */
export function mfaChallengeJson(orgUrl: string, state: { stateToken: string; expiresAt: Date; user: AuthnUser; factor: UserFactor; challenge: string }) {
  const { factor } = state;
  return transaction(orgUrl, {
    ...state,
    status: "MFA_CHALLENGE",
    extra: { factorResult: "CHALLENGE" },
    embedded: {
      factor: {
        id: factor.id,
        ...factorBase(factor),
        profile: factor.profile,
        _embedded: { challenge: { challenge: state.challenge, extensions: {}, userVerification: "required", timeout: WEBAUTHN_TIMEOUT_MS } },
      },
    },
    links: { next: nextLink(orgUrl, "verify", `/api/v1/authn/factors/${factor.id}/verify`) },
  });
}

/** The password policy as Okta embeds it in PASSWORD_RESET and PASSWORD_EXPIRED (`_embedded.policy`): ours is a length and no username inside; the current password is refused. */
function passwordPolicyJson(policy: { minLength: number }) {
  return {
    complexity: { minLength: policy.minLength, minLowerCase: 0, minUpperCase: 0, minNumber: 0, minSymbol: 0, excludeUsername: true },
    age: { minAgeMinutes: 0, historyCount: 1 },
  };
}

/** RECOVERY_CHALLENGE after POST /api/v1/authn/recovery/password with factorType EMAIL: the email is on its way (no stateToken: the recovery token travels by email). */
export function recoveryChallengeJson(relayState: string | undefined) {
  return { status: "RECOVERY_CHALLENGE", factorResult: "WAITING", factorType: "EMAIL", recoveryType: "PASSWORD", ...(relayState !== undefined ? { relayState } : {}) };
}

/** PASSWORD_RESET: a recovery token was verified; `next` (resetPassword) takes the new password. */
export function passwordResetJson(orgUrl: string, state: { stateToken: string; expiresAt: Date; user: AuthnUser; policy: { minLength: number } }) {
  return transaction(orgUrl, {
    ...state,
    status: "PASSWORD_RESET",
    extra: { recoveryType: "PASSWORD" },
    embedded: { policy: passwordPolicyJson(state.policy) },
    links: { next: nextLink(orgUrl, "resetPassword", "/api/v1/authn/credentials/reset_password") },
  });
}

/** PASSWORD_EXPIRED: the right password of a user whose password has expired; `next` (changePassword) takes the old and the new one. */
export function passwordExpiredJson(orgUrl: string, state: { stateToken: string; expiresAt: Date; user: AuthnUser; policy: { minLength: number } }) {
  return transaction(orgUrl, {
    ...state,
    status: "PASSWORD_EXPIRED",
    embedded: { policy: { expiration: { passwordExpireDays: 0 }, ...passwordPolicyJson(state.policy) } },
    links: { next: nextLink(orgUrl, "changePassword", "/api/v1/authn/credentials/change_password") },
  });
}
