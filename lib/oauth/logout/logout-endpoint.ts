import type { AppContext } from "../../app-context";
import { loadActiveClient } from "../../apps/load-active-client";
import { matchRedirectUri } from "../../apps/match-redirect-uri";
import { endSession } from "../../sessions/end-session";
import { readSession } from "../../sessions/read-session";
import { clearSessionCookie, readSessionCookie } from "../../sessions/session-cookie";
import { buildIssuer } from "../discovery/build-issuer";
import { notFound, OAuthError } from "../errors/oauth-error";
import type { OAuthRequest, OAuthResponse } from "../http/oauth-request";
import { parseFormBody, parseParams } from "../http/parse-form-body";
import { getServerSnapshot } from "../snapshot/get-server-snapshot";
import { appendState } from "./append-state";
import { renderMessagePage } from "../../hosted/render-message-page";
import { verifyIdTokenHint } from "./verify-id-token-hint";

export const LOGOUT_MESSAGES = {
  invalidHint: "The sign-out request is not valid: its ID token (id_token_hint) was not issued by this authorization server.",
} as const;

/**
 * GET|POST /oauth2/:authServerId/v1/logout (spec: "Logout Request"; OIDC RP-Initiated Logout 1.0),
 * what okta-auth-js signOut navigates to (SDK contract 1: "end the session with no prompt and
 * redirect with state appended"):
 * 1. an unknown or INACTIVE server: 404, as every protocol endpoint;
 * 2. parameters from the query (GET) or the form body (POST); a repeated one, or a POST that is not
 *    a form: a 400 error page, nothing changed;
 * 3. `id_token_hint`: an ID token of this server, signed with any of its published keys, `iss`
 *    exact; an expired one is accepted (verifyIdTokenHint). An invalid hint together with a
 *    `post_logout_redirect_uri`: a 400 error page, nothing changed (never a redirect);
 * 4. the browser's SSO session (cookie `sid`), if any, ends (user.session.end, with the server, the
 *    client and whether the hint's subject was the session's user) and the cookie is cleared. The
 *    session ends even when the hint names another user: a sign-out must never leave the browser
 *    signed in;
 * 5. `post_logout_redirect_uri` is followed (302, `state` appended as a query parameter) only with
 *    a valid hint and when it is exactly one of the post_logout_redirect_uris registered by the
 *    hint's app (its `aud`), which must be ACTIVE; otherwise the "You have been signed out" page.
 *    There is no open redirect.
 */
export async function logoutEndpoint(app: AppContext, request: OAuthRequest): Promise<OAuthResponse> {
  const now = app.now();
  const snapshot = await getServerSnapshot(app.db, request.params.authServerId ?? "", now);
  if (!snapshot) throw notFound("The authorization server was not found or is not active.");

  let params: Map<string, string>;
  try {
    params = request.method === "POST" ? parseFormBody(request) : parseParams(request.url.searchParams);
  } catch (error) {
    if (error instanceof OAuthError) return errorPage(error.description);
    throw error;
  }
  const hint = params.get("id_token_hint");
  const redirectUri = params.get("post_logout_redirect_uri");
  const state = params.get("state");

  const issuer = buildIssuer(app.orgUrl, snapshot.id);
  const idToken = hint ? await verifyIdTokenHint({ db: app.db, secretsKey: app.secretsKey, snapshot, issuer }, hint, now) : null;
  if (hint && !idToken && redirectUri) return errorPage(LOGOUT_MESSAGES.invalidHint);

  let target: string | null = null;
  if (idToken && redirectUri) {
    const client = await loadActiveClient(app.db, idToken.clientId);
    if (client && matchRedirectUri(client.postLogoutRedirectUris, redirectUri, client.applicationType)) target = redirectUri;
  }

  const session = await readSession(app.db, readSessionCookie(request.headers.get("cookie")), now);
  if (session) {
    await endSession(app.db, session.id, now, {
      client: { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") },
      debug: {
        via: "oidc_logout",
        authServerId: snapshot.id,
        clientId: idToken?.clientId ?? null,
        idTokenSubjectMatches: idToken ? idToken.userId === session.userId : null,
        postLogoutRedirectUri: target,
      },
    });
  }

  const clear = { "Set-Cookie": clearSessionCookie({ orgUrl: app.orgUrl }) };
  if (target) {
    return { status: 302, headers: { Location: appendState(target, state), "Cache-Control": "no-store", Pragma: "no-cache", "Referrer-Policy": "no-referrer", ...clear } };
  }
  const page = renderMessagePage({ status: 200, title: "You have been signed out", message: "You can close this window." });
  return { ...page, headers: { ...page.headers, ...clear } };
}

function errorPage(message: string): OAuthResponse {
  return renderMessagePage({ status: 400, title: "Sign-out failed", message });
}
