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
import { formatMessage } from "../i18n/format-message";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { FACTOR_MESSAGES } from "./factor-messages";
import { loadSignInFlow } from "./sign-in-flow";
import { safeLogoUri } from "./load-signin-view";
import { readSigninError, signinErrorMessage, type SigninError } from "./signin-messages";

export type FactorKind = "totp" | "webauthn";
export type FactorOption = { id: string; kind: FactorKind; provider: string; label: string; href: string };
export type EnrollChoice = { kind: FactorKind; provider: string; label: string; required: boolean; setUpLabel: string };

type FactorMessageKey = keyof (typeof FACTOR_MESSAGES)["en"];
/** The page's words that take no values, in the view's language. */
type StaticKey = Exclude<FactorMessageKey, "remember.hint" | "enrollTotp.qrAlt" | "enroll.setUpLabel" | `factor.${string}`>;
export type FactorPageText = Record<StaticKey, string> & {
  /** the failed passkey ceremony's message (the page's script shows it) */
  passkeyFailed: string;
};

type Common = {
  /** the hidden fields (and query) naming the sign-in: {request} or {return_to} */
  flowFields: Record<string, string>;
  /** the app's label and logo (none for the admin console's return_to sign-in) */
  appLabel: string | undefined;
  logoUri: string | null;
  csrfToken: string;
  error: { kind: SigninError; message: string } | null;
  /** the page's language (`<html lang>`) and its words in it */
  locale: Locale;
  text: FactorPageText;
};

export type FactorView =
  | (Common & {
      ok: true;
      mode: "verify";
      /** every factor the user may use, the selected one first */
      factors: FactorOption[];
      selected: FactorOption;
      /** "remember this device": offered (the rule's factor lifetime, `hint` says how long) and its default */
      remember: { offered: boolean; checked: boolean; hint: string | null };
    })
  | (Common & {
      ok: true;
      mode: "enroll";
      choices: EnrollChoice[];
      /** a TOTP enrollment in progress: the QR code (an SVG data URI rendered here, no external service) and the secret as text */
      totp: { factorId: string; qrDataUri: string; qrAlt: string; secret: string; accountName: string } | null;
    })
  /** signin: the flow is not at its factor step, its sign-in page is `signinUrl` (relative) */
  | { ok: false; reason: "expired" | "csrf" }
  | { ok: false; reason: "signin"; signinUrl: string };

const LABELS: Record<string, FactorMessageKey> = {
  [`${TOTP_FACTOR} OKTA`]: "factor.totpOkta",
  [`${TOTP_FACTOR} GOOGLE`]: "factor.totpGoogle",
  [`${WEBAUTHN_FACTOR} FIDO`]: "factor.webauthn",
};
const kindOf = (factorType: string): FactorKind => (factorType === WEBAUTHN_FACTOR ? "webauthn" : "totp");
const STATIC_KEYS = (Object.keys(FACTOR_MESSAGES.en) as FactorMessageKey[]).filter((key): key is StaticKey => !["remember.hint", "enrollTotp.qrAlt", "enroll.setUpLabel"].includes(key) && !key.startsWith("factor."));

/** "remember this device" lasts `minutes`: in days, hours or minutes, whichever counts it whole. */
function rememberHint(locale: Locale, minutes: number): string {
  const [unit, count] = minutes % 1440 === 0 ? ["day", minutes / 1440] : minutes % 60 === 0 ? ["hour", minutes / 60] : ["minute", minutes];
  return formatMessage(FACTOR_MESSAGES, locale, "remember.hint", { unit, count });
}

/**
 * What the factor page shows for `/signin/factor?request=<id>` (an authorization request) or
 * `/signin/factor?return_to=<path>` (the admin console's sign-in) `[&factor=<id>][&error=...]`:
 * the flow must be at its multi-factor step (`mfa`, else back to the sign-in page) and the browser
 * hold its CSRF cookie.
 * - verify: the user's ACTIVE factors to choose from (`factor` selects one; default the first),
 *   and "remember this device" when the sign-on rule allows it;
 * - enroll: the factors the enrollment policy allows (REQUIRED ones marked), and a TOTP enrollment
 *   in progress with its QR code (qrcode, an inline SVG) and shared secret.
 * Every word the page shows is in the view, in `locale` (default English; FACTOR_MESSAGES, the sign-in errors): the
 * page only renders it.
 */
export async function loadFactorView(
  db: Db,
  input: { requestId: string | null; returnTo?: string | null; factorId: string | null; error: string | null; cookieHeader: string | null; ipAddress: string | null; secretsKey: Buffer; orgUrl: string; now: Date; locale?: Locale },
): Promise<FactorView> {
  const locale = input.locale ?? DEFAULT_LOCALE;
  const t = (key: FactorMessageKey, values?: Record<string, string>) => formatMessage(FACTOR_MESSAGES, locale, key, values);
  const labelOf = (factorType: string, provider: string) => {
    const key = LABELS[`${factorType} ${provider}`];
    return key ? t(key) : factorType;
  };
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
  const text = { ...(Object.fromEntries(STATIC_KEYS.map((key) => [key, t(key)])) as Record<StaticKey, string>), passkeyFailed: signinErrorMessage("passkey", locale) };
  const common: Common = { flowFields: flow.fields, appLabel: client?.label, logoUri: safeLogoUri(client?.logoUri ?? null), csrfToken, error: kind ? { kind, message: signinErrorMessage(kind, locale) } : null, locale, text };

  if (mfa.step === "verify") {
    const factors = (await listFactors(db, mfa.userId))
      .filter((factor) => factor.status === "ACTIVE")
      .map((factor) => ({ id: factor.id, kind: kindOf(factor.factorType), provider: factor.provider, label: labelOf(factor.factorType, factor.provider), href: `/signin/factor?${new URLSearchParams({ ...flow.fields, factor: factor.id }).toString()}` }));
    const selected = factors.find((factor) => factor.id === input.factorId) ?? factors[0];
    if (!selected) return { ok: false, reason: "signin", signinUrl };
    const remember = { offered: mfa.rememberMinutes !== undefined, checked: mfa.rememberByDefault === true, hint: mfa.rememberMinutes === undefined ? null : rememberHint(locale, mfa.rememberMinutes) };
    return { ...common, ok: true, mode: "verify", factors, selected, remember };
  }

  const step = await decideSignInStep(db, { userId: mfa.userId, amr: mfa.amr, ipAddress: input.ipAddress, factorVerifiedAt: null, rememberedDevice: false, stepUp: mfa.stepUp === true, now: input.now });
  const options = step.kind === "enroll" ? step.options : [{ factorType: TOTP_FACTOR, provider: "GOOGLE", requirement: "OPTIONAL" as const }, { factorType: WEBAUTHN_FACTOR, provider: "FIDO", requirement: "OPTIONAL" as const }];
  const choices = options.map((option) => {
    const label = labelOf(option.factorType, option.provider);
    return { kind: kindOf(option.factorType), provider: option.provider, label, required: option.requirement === "REQUIRED", setUpLabel: t("enroll.setUpLabel", { factor: label }) };
  });
  let totp: Extract<FactorView, { mode: "enroll" }>["totp"] = null;
  if (mfa.enrollingFactorId) {
    const factor = await findFactor(db, { userId: mfa.userId, factorId: mfa.enrollingFactorId });
    const secret = factor && factor.factorType === TOTP_FACTOR && factor.status === "PENDING_ACTIVATION" ? readTotpSecret(factor, input.secretsKey) : null;
    if (factor && secret) {
      const user = await findUser(db, mfa.userId);
      const uri = totpProvisioningUri({ issuer: new URL(input.orgUrl).host, accountName: user.login, secret });
      const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      totp = { factorId: factor.id, qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`, qrAlt: t("enrollTotp.qrAlt", { account: user.login }), secret, accountName: user.login };
    }
  }
  return { ...common, ok: true, mode: "enroll", choices, totp };
}
