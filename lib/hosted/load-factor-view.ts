import QRCode from "qrcode";
import type { Db } from "../db/create-db-client";
import { loadActiveClient } from "../apps/load-active-client";
import { findFactor } from "../factors/find-factor";
import { listFactors } from "../factors/list-factors";
import { readTotpSecret } from "../factors/read-totp-secret";
import { TOTP_FACTOR, WEBAUTHN_FACTOR } from "../factors/supported-factors";
import { totpProvisioningUri } from "../factors/totp-provisioning-uri";
import { decideSignInStep } from "../signin/decide-sign-in-step";
import { findUser } from "../users/find-user";
import { loadSignInFlow } from "./sign-in-flow";
import { safeLogoUri } from "./load-signin-view";
import { readSigninError, SIGNIN_ERRORS, type SigninError } from "./signin-messages";

export type FactorKind = "totp" | "webauthn";
export type FactorOption = { id: string; kind: FactorKind; provider: string; label: string };
export type EnrollChoice = { kind: FactorKind; provider: string; label: string; required: boolean };

type Common = {
  /** the hidden fields (and query) naming the sign-in: {request} or {return_to} */
  flowFields: Record<string, string>;
  /** the app's label and logo (none for the admin console's return_to sign-in) */
  appLabel: string | undefined;
  logoUri: string | null;
  csrfToken: string;
  error: { kind: SigninError; message: string } | null;
};

export type FactorView =
  | (Common & {
      ok: true;
      mode: "verify";
      /** every factor the user may use, the selected one first */
      factors: FactorOption[];
      selected: FactorOption;
      /** "remember this device": offered (the rule's factor lifetime) and its default */
      remember: { offered: boolean; checked: boolean };
    })
  | (Common & {
      ok: true;
      mode: "enroll";
      choices: EnrollChoice[];
      /** a TOTP enrollment in progress: the QR code (an SVG data URI rendered here, no external service) and the secret as text */
      totp: { factorId: string; qrDataUri: string; secret: string; accountName: string } | null;
    })
  /** signin: the flow is not at its factor step, its sign-in page is `signinUrl` (relative) */
  | { ok: false; reason: "expired" | "csrf" }
  | { ok: false; reason: "signin"; signinUrl: string };

const LABELS: Record<string, string> = {
  [`${TOTP_FACTOR} OKTA`]: "Authenticator app (Okta Verify)",
  [`${TOTP_FACTOR} GOOGLE`]: "Authenticator app (Google Authenticator)",
  [`${WEBAUTHN_FACTOR} FIDO`]: "Passkey or security key",
};
const kindOf = (factorType: string): FactorKind => (factorType === WEBAUTHN_FACTOR ? "webauthn" : "totp");
const labelOf = (factorType: string, provider: string) => LABELS[`${factorType} ${provider}`] ?? factorType;

/**
 * What the factor page shows for `/signin/factor?request=<id>` (an authorization request) or
 * `/signin/factor?return_to=<path>` (the admin console's sign-in) `[&factor=<id>][&error=...]`:
 * the flow must be at its multi-factor step (`mfa`, else back to the sign-in page) and the browser
 * hold its CSRF cookie.
 * - verify: the user's ACTIVE factors to choose from (`factor` selects one; default the first),
 *   and "remember this device" when the sign-on rule allows it;
 * - enroll: the factors the enrollment policy allows (REQUIRED ones marked), and a TOTP enrollment
 *   in progress with its QR code (qrcode, an inline SVG) and shared secret.
 */
export async function loadFactorView(
  db: Db,
  input: { requestId: string | null; returnTo?: string | null; factorId: string | null; error: string | null; cookieHeader: string | null; ipAddress: string | null; secretsKey: Buffer; orgUrl: string; now: Date },
): Promise<FactorView> {
  const context = { db, orgUrl: input.orgUrl, secretsKey: input.secretsKey, now: () => input.now };
  const hasRequest = input.requestId !== null || input.returnTo === undefined || input.returnTo === null;
  const found = await loadSignInFlow(context, { request: input.requestId, returnTo: input.returnTo, hasRequest }, input.cookieHeader);
  if (!found.ok) return found;
  const { flow } = found;
  const client = flow.clientId === null ? null : await loadActiveClient(db, flow.clientId);
  if (flow.clientId !== null && !client) return { ok: false, reason: "expired" };
  const csrfToken = flow.formToken;
  if (!csrfToken) return { ok: false, reason: "csrf" };
  const mfa = flow.mfa;
  const signinUrl = `/signin?${new URLSearchParams(flow.fields).toString()}`;
  if (!mfa) return { ok: false, reason: "signin", signinUrl };
  const kind = readSigninError(input.error);
  const common: Common = { flowFields: flow.fields, appLabel: client?.label, logoUri: safeLogoUri(client?.logoUri ?? null), csrfToken, error: kind ? { kind, message: SIGNIN_ERRORS[kind] } : null };

  if (mfa.step === "verify") {
    const factors = (await listFactors(db, mfa.userId)).filter((factor) => factor.status === "ACTIVE").map((factor) => ({ id: factor.id, kind: kindOf(factor.factorType), provider: factor.provider, label: labelOf(factor.factorType, factor.provider) }));
    const selected = factors.find((factor) => factor.id === input.factorId) ?? factors[0];
    if (!selected) return { ok: false, reason: "signin", signinUrl };
    return { ...common, ok: true, mode: "verify", factors, selected, remember: { offered: mfa.rememberMinutes !== undefined, checked: mfa.rememberByDefault === true } };
  }

  const step = await decideSignInStep(db, { userId: mfa.userId, amr: mfa.amr, ipAddress: input.ipAddress, factorVerifiedAt: null, rememberedDevice: false, stepUp: mfa.stepUp === true, now: input.now });
  const options = step.kind === "enroll" ? step.options : [{ factorType: TOTP_FACTOR, provider: "GOOGLE", requirement: "OPTIONAL" as const }, { factorType: WEBAUTHN_FACTOR, provider: "FIDO", requirement: "OPTIONAL" as const }];
  const choices = options.map((option) => ({ kind: kindOf(option.factorType), provider: option.provider, label: labelOf(option.factorType, option.provider), required: option.requirement === "REQUIRED" }));
  let totp: Extract<FactorView, { mode: "enroll" }>["totp"] = null;
  if (mfa.enrollingFactorId) {
    const factor = await findFactor(db, { userId: mfa.userId, factorId: mfa.enrollingFactorId });
    const secret = factor && factor.factorType === TOTP_FACTOR && factor.status === "PENDING_ACTIVATION" ? readTotpSecret(factor, input.secretsKey) : null;
    if (factor && secret) {
      const user = await findUser(db, mfa.userId);
      const uri = totpProvisioningUri({ issuer: new URL(input.orgUrl).host, accountName: user.login, secret });
      const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      totp = { factorId: factor.id, qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, secret, accountName: user.login };
    }
  }
  return { ...common, ok: true, mode: "enroll", choices, totp };
}
