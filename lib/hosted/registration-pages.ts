import type { AppContext } from "../app-context";
import type { Db } from "../db/create-db-client";
import { hostedErrorPages } from "../http/hosted-error-pages";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { readHostedForm } from "../http/read-hosted-form";
import { renderMessagePage } from "../http/render-message-page";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { REQUIRED_REGISTRATION_FIELDS } from "../registration/parse-registration";
import { registerUser } from "../registration/register-user";
import { findRegistration, verifyRegistration } from "../registration/verify-registration";
import type { UserTokenRefusal } from "../user-tokens/user-token-kinds";
import { advanceSignIn } from "./advance-sign-in";
import { signinFormToken } from "./hosted-form-token";
import { accountPageFlow, type FlowNames, type RecoveryPageRefusal } from "./load-recovery-views";
import { formErrors, readFormErrors, type RecoveryFormError } from "./recovery-form-errors";
import { recoveryPaths } from "./recovery-urls";
import { safeReturnTo } from "./return-to";
import type { FlowContext } from "./sign-in-flow";
import { checkPair, clientOf, postedFlow, postedLinkForm } from "./submit-recovery-forms";

/*
 * Self-service registration's hosted pages (lib/registration has the rules): "Create account"
 * (/signin/register, in the sign-in's flow like "Forgot password?") and the email-verification
 * link's page (/signin/verify-email/{token}, like the welcome link's). Both exist only while the org
 * setting selfServiceRegistration is on; their forms are bound to the sign-in CSRF cookie, posted
 * same-origin, and always answered 303 (a browser never re-posts a password).
 */

/** Whether the sign-in page offers "Create an account" (the org setting selfServiceRegistration). */
export async function registrationOffered(db: Db): Promise<boolean> {
  return (await readOrgSettings(db)).selfServiceRegistration;
}

/** A problem of one profile field, as the `error` query carries it (`email.invalid`), or a password error of the account pages. */
export type RegisterFormErrors = { fields: Record<string, "blank" | "tooLong" | "invalid">; password: RecoveryFormError[] };
const FIELD_PROBLEM = /^([A-Za-z]{1,32})\.(blank|tooLong|invalid)$/;

/** The errors of an `error` query value (unknown ones dropped). */
export function readRegisterErrors(value: string | null): RegisterFormErrors {
  const fields: RegisterFormErrors["fields"] = {};
  for (const code of (value ?? "").slice(0, 400).split(",")) {
    const match = FIELD_PROBLEM.exec(code);
    if (match) fields[match[1]!] = match[2] as "blank" | "tooLong" | "invalid";
  }
  return { fields, password: readFormErrors(value) };
}

export type RegisterView =
  | {
      ok: true;
      fields: Record<string, string>;
      csrfToken: string;
      sent: boolean;
      minutes: number;
      /** email, first and last name, then the org's chosen attributes */
      required: readonly string[];
      optional: readonly string[];
      /** what the person typed (a form that came back), never the password */
      values: Record<string, string>;
      errors: RegisterFormErrors;
      signinHref: string;
    }
  | { ok: false; reason: "disabled" }
  | RecoveryPageRefusal;

/**
 * `/signin/register?request=<id>|return_to=<path>[&sent=1][&error=...][&<field>=...]`: nothing while
 * the org setting is off ("disabled": the page is not found); else the flow the sign-in page was in
 * (accountPageFlow), the fields to ask for and the link lifetime the confirmation mentions.
 */
export async function loadRegisterView(app: FlowContext, input: FlowNames & { started: boolean; sent: boolean; error: string | null; values: Record<string, string | null>; cookieHeader: string | null }): Promise<RegisterView> {
  const settings = await readOrgSettings(app.db);
  if (!settings.selfServiceRegistration) return { ok: false, reason: "disabled" };
  const flow = await accountPageFlow(app, input, (fields) => recoveryPaths.register(fields));
  if (!flow.ok) return flow;
  const optional = settings.registrationProfileAttributes;
  const values = Object.fromEntries([...REQUIRED_REGISTRATION_FIELDS, ...optional].flatMap((name) => (input.values[name] ? [[name, input.values[name]!.slice(0, 1024)]] : [])));
  return {
    ...flow,
    sent: input.sent,
    minutes: settings.registrationLinkLifetimeMinutes,
    required: REQUIRED_REGISTRATION_FIELDS,
    optional,
    values,
    errors: readRegisterErrors(input.error),
    signinHref: recoveryPaths.signin(flow.fields),
  };
}

/**
 * POST /signin/register/submit (request|return_to, csrf, the profile fields, password, confirm):
 * registerUser, then the same "check your email" page whether the address was free, an unverified
 * registration, or taken. A refused field or password, or too many requests: back to the form with
 * the typed values (never the password). Off: 404.
 */
export async function submitRegister(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const form = readHostedForm(request);
  if (!form) return hostedErrorPages.csrf();
  if (!(await registrationOffered(app.db))) return renderMessagePage({ status: 404, title: "Page not found", message: "There is nothing at this address." });
  const posted = await postedFlow(app, request, form);
  if (!posted.ok) return posted.page;
  const { fields } = posted.flow;
  const values = Object.fromEntries([...form].filter(([name]) => !["password", "confirm", "csrf", "request", "return_to"].includes(name)).map(([name, value]) => [name, value.slice(0, 1024)]));
  const back = (error: string) => seeOther(`${app.orgUrl}${recoveryPaths.register(fields, { ...values, error })}`);
  const password = form.get("password") ?? "";
  const pair = checkPair(password, form.get("confirm") ?? "");
  if (pair) return back(formErrors(pair));
  const returnTo = fields.return_to && fields.return_to !== "/" ? fields.return_to : null;
  const result = await registerUser(app.db, { values, password, orgUrl: app.orgUrl, fromUri: returnTo, now: app.now(), client: clientOf(request), acceptLanguage: request.headers.get("accept-language") });
  if (result.outcome === "accepted") return seeOther(`${app.orgUrl}${recoveryPaths.register(fields, { sent: "1" })}`);
  if (result.outcome === "invalid") return back(Object.entries(result.problems).map(([name, problem]) => `${name}.${problem}`).join(","));
  if (result.outcome === "policy") return back(formErrors({ reason: "policy", violations: result.violations }));
  if (result.outcome === "rate_limited") return back("rate_limited");
  return seeOther(`${app.orgUrl}${recoveryPaths.signin(fields)}`);
}

export type VerifyEmailView =
  | { ok: true; token: string; login: string; csrfToken: string; returnTo: string; wrongPassword: boolean; errors: RecoveryFormError[] }
  | { ok: false; reason: "link"; refusal: UserTokenRefusal }
  | { ok: false; reason: "disabled" }
  | RecoveryPageRefusal;

/**
 * `/signin/verify-email/{token}[?fromURI=]`: the link of the email-verification email. The token as
 * it stands (findRegistration: nothing is used by showing the page), then the form (the password
 * chosen at registration) bound to the sign-in CSRF cookie, which /signin/begin sets when missing.
 */
export async function loadVerifyEmailView(app: FlowContext, input: { token: string; fromUri: string | null; started: boolean; error: string | null; cookieHeader: string | null }): Promise<VerifyEmailView> {
  if (!(await registrationOffered(app.db))) return { ok: false, reason: "disabled" };
  const found = await findRegistration(app.db, input.token, app.now());
  if (!found.ok) return { ok: false, reason: "link", refusal: found.reason };
  const returnTo = safeReturnTo(input.fromUri, app.orgUrl);
  const csrfToken = signinFormToken(app.secretsKey, app.orgUrl, input.cookieHeader);
  if (!csrfToken) {
    if (input.started) return { ok: false, reason: "csrf" };
    return { ok: false, reason: "start", url: recoveryPaths.begin(recoveryPaths.verifyEmail(input.token, input.fromUri ? { fromURI: returnTo } : {})) };
  }
  const codes = (input.error ?? "").split(",");
  return { ok: true, token: input.token, login: found.login, csrfToken, returnTo, wrongPassword: codes.includes("wrong_password"), errors: readFormErrors(input.error) };
}

/**
 * POST /signin/verify-email/submit (token, csrf, return_to, password): verifyRegistration (the
 * token once, the registration's password, the user ACTIVE with the default groups), then the
 * person is signed in exactly as after the welcome link (advanceSignIn: blocklist zones, the
 * sign-on and MFA enrollment policies) and goes to return_to. A wrong password or too many
 * attempts: back to the form (the link still works); a used, expired or unknown link: its page.
 */
export async function submitVerifyEmail(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const posted = postedLinkForm(app, request);
  if (!posted.ok) return posted.page;
  const { form, flow, token, returnTo } = posted;
  const page = (extra: Record<string, string> = {}) => seeOther(`${app.orgUrl}${recoveryPaths.verifyEmail(token || "invalid", { ...(returnTo !== "/" ? { fromURI: returnTo } : {}), ...extra })}`);
  const password = form.get("password") ?? "";
  if (!password) return page({ error: "wrong_password" });
  const result = await verifyRegistration(app.db, { token, password, now: app.now(), client: clientOf(request) });
  if (result.ok) return advanceSignIn(app, request, { ...flow, mfa: undefined }, { userId: result.user.id, amr: ["pwd"] });
  if (result.reason === "wrong_password" || result.reason === "rate_limited") return page({ error: result.reason });
  return page();
}
