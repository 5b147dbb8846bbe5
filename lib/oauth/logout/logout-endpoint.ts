import type { AppContext } from "../../app-context";
import { loadActiveClient } from "../../apps/load-active-client";
import { matchRedirectUri } from "../../apps/match-redirect-uri";
import type { HostedResponse } from "../../http/hosted-response";
import { isSameOriginPost } from "../../http/read-hosted-form";
import type { PlainRequest } from "../../http/plain-http";
import { endSession } from "../../sessions/end-session";
import { readSession } from "../../sessions/read-session";
import type { SessionInfo } from "../../sessions/types";
import { clearSessionCookie, readSessionCookie } from "../../sessions/session-cookie";
import { buildEndpointUrl, buildIssuer } from "../../authorization-servers/build-issuer";
import { OAuthError } from "../errors/oauth-error";
import { serverNotFound } from "../errors/server-not-found";
import { parseFormBody, parseParams } from "../request/parse-form-body";
import { getServerSnapshot } from "../snapshot/get-server-snapshot";
import { requestedServerId } from "../snapshot/org-authorization-server";
import { renderMessagePage } from "../../http/render-message-page";
import { createTranslator } from "../../i18n/format-message";
import type { Locale } from "../../i18n/locales";
import { negotiateOrgLocale } from "../../org-settings/negotiate-org-locale";
import { appendState } from "./append-state";
import { checkLogoutConfirmToken, LOGOUT_CONFIRM_FIELD, logoutConfirmationPage, logoutConfirmToken } from "./logout-confirmation";
import { LOGOUT_MESSAGES } from "./logout-messages";
import { verifyIdTokenHint } from "./verify-id-token-hint";

/**
 * GET|POST /oauth2/:authServerId/v1/logout (spec: "Logout Request": `id_token_hint` is required,
 * "a valid ID token with a subject matching the current session"; OIDC RP-Initiated Logout 1.0),
 * what okta-auth-js signOut and oidc-middleware's logout navigate to (SDK contract 1 and 4: "end
 * the session with no prompt and redirect with state appended"):
 * 1. an unknown or INACTIVE server: 404 JSON, as /authorize;
 * 2. parameters from the query (GET) or the form body (POST); a repeated one, or a POST that is not
 *    a form: a 400 error page, nothing changed;
 * 3. `id_token_hint`: an ID token of this server, signed with any of its published keys, `iss`
 *    exact; an expired one is accepted (verifyIdTokenHint). An invalid hint together with a
 *    `post_logout_redirect_uri`: a 400 error page, nothing changed (never a redirect);
 * 4. `post_logout_redirect_uri` is followed (302, `state` appended) only with a valid hint and when
 *    it is exactly one of the post_logout_redirect_uris registered by the hint's app (its `aud`),
 *    which must be ACTIVE; otherwise the "You have been signed out" page. No open redirect;
 * 5. the browser's SSO session (cookie `sid`) ends at once only when the hint is valid and its
 *    subject is the session's user (that request comes from an app the user signed in to). Without
 *    such a hint (none, invalid, or another user's: section 2 "the OP SHOULD ask the End-User whether
 *    to log out"), the session is untouched and the user is asked: the "Sign out?" page, whose
 *    same-origin form posts the parameters back with a token bound to the session
 *    (logoutConfirmToken). That POST ends the session only with the session's token and a
 *    same-origin Origin; anything else is a 403 page and the session stays. Either way the
 *    session's end is logged (user.session.end), the cookie cleared, and step 4 decides where to.
 * Without a session there is nothing to end: the cookie is cleared and step 4 answers.
 * Its pages speak the language of `ui_locales` (RP-Initiated Logout 1.0 section 2), else
 * Accept-Language, else the org default.
 */
export async function logoutEndpoint(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const now = app.now();
  const snapshot = await getServerSnapshot(app.db, requestedServerId(request.params), now);
  if (!snapshot) return serverNotFound();

  const acceptLanguage = request.headers.get("accept-language");
  let params: Map<string, string>;
  try {
    params = request.method === "POST" ? parseFormBody(request) : parseParams(request.url.searchParams);
  } catch (error) {
    if (error instanceof OAuthError) {
      const locale = await negotiateOrgLocale(app.db, { uiLocales: request.url.searchParams.get("ui_locales"), acceptLanguage });
      return errorPage(locale, 400, "failed.badRequest", "failed.title", { code: error.error, description: error.description });
    }
    throw error;
  }
  const locale = await negotiateOrgLocale(app.db, { uiLocales: params.get("ui_locales"), acceptLanguage });
  const hint = params.get("id_token_hint");
  const redirectUri = params.get("post_logout_redirect_uri");
  const state = params.get("state");
  const confirmation = request.method === "POST" ? params.get(LOGOUT_CONFIRM_FIELD) : undefined;

  const issuer = buildIssuer(app.orgUrl, snapshot.id);
  const idToken = hint ? await verifyIdTokenHint({ db: app.db, secretsKey: app.secretsKey, snapshot, issuer }, hint, now) : null;
  if (hint && !idToken && redirectUri) return errorPage(locale, 400, "failed.invalidHint");

  let target: string | null = null;
  if (idToken && redirectUri) {
    const client = await loadActiveClient(app.db, idToken.clientId);
    if (client && matchRedirectUri(client.postLogoutRedirectUris, redirectUri, client.applicationType)) target = redirectUri;
  }

  const session = await readSession(app.db, readSessionCookie(request.headers.get("cookie")), now);
  const hintMatches = Boolean(session && idToken && idToken.userId === session.userId);
  if (session && confirmation !== undefined) {
    const confirmed = isSameOriginPost(request, app.orgUrl) && checkLogoutConfirmToken(app.secretsKey, session.id, confirmation);
    if (!confirmed) return errorPage(locale, 403, "notConfirmed.text", "notConfirmed.title");
  } else if (session && !hintMatches) {
    const fields: Record<string, string> = { [LOGOUT_CONFIRM_FIELD]: logoutConfirmToken(app.secretsKey, session.id) };
    if (target) Object.assign(fields, { id_token_hint: hint!, post_logout_redirect_uri: target }, state ? { state } : {});
    return logoutConfirmationPage({
      action: buildEndpointUrl(app.orgUrl, snapshot.id, "logout"),
      fields,
      cancelHref: target ? appendState(target, state) : `${app.orgUrl}/`,
      otherUser: idToken !== null,
      locale,
    });
  }
  if (session) await end(app, request, session, { authServerId: snapshot.id, clientId: idToken?.clientId ?? null, hintMatches: idToken ? hintMatches : null, confirmed: confirmation !== undefined, target }, now);

  const clear = { "Set-Cookie": clearSessionCookie({ orgUrl: app.orgUrl }) };
  if (target) {
    return { status: 302, headers: { Location: appendState(target, state), "Cache-Control": "no-store", Pragma: "no-cache", "Referrer-Policy": "no-referrer", ...clear } };
  }
  const t = createTranslator(LOGOUT_MESSAGES, locale);
  const page = renderMessagePage({ status: 200, title: t("signedOut.title"), message: t("signedOut.text"), locale });
  return { ...page, headers: { ...page.headers, ...clear } };
}

function end(
  app: AppContext,
  request: PlainRequest,
  session: SessionInfo,
  why: { authServerId: string; clientId: string | null; hintMatches: boolean | null; confirmed: boolean; target: string | null },
  now: Date,
): Promise<void> {
  return endSession(app.db, session.id, now, {
    client: { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") },
    debug: {
      via: "oidc_logout",
      authServerId: why.authServerId,
      clientId: why.clientId,
      idTokenSubjectMatches: why.hintMatches,
      confirmedByUser: why.confirmed,
      postLogoutRedirectUri: why.target,
    },
  });
}

type LogoutMessage = keyof (typeof LOGOUT_MESSAGES)["en"];

function errorPage(locale: Locale, status: 400 | 403, message: LogoutMessage, title: LogoutMessage = "failed.title", error?: { code: string; description: string }): HostedResponse {
  const t = createTranslator(LOGOUT_MESSAGES, locale);
  return renderMessagePage({ status, title: t(title), message: t(message), locale, ...(error ? { error } : {}) });
}
