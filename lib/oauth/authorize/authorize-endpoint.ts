import type { AppContext } from "../../app-context";
import type { HostedResponse } from "../../http/hosted-response";
import { hostedMessagePage } from "../../http/hosted-error-pages";
import type { PlainRequest } from "../../http/plain-http";
import { negotiateOrgLocale } from "../../org-settings/negotiate-org-locale";
import { AUTHORIZE_EVENTS } from "../../pending-authorizations/authorize-events";
import { readSession } from "../../sessions/read-session";
import { readSessionCookie } from "../../sessions/session-cookie";
import { redeemSessionToken } from "../../signin/redeem-session-token";
import { buildIssuer } from "../../authorization-servers/build-issuer";
import { serverNotFound } from "../errors/server-not-found";
import { getServerSnapshot } from "../snapshot/get-server-snapshot";
import { requestedServerId } from "../snapshot/org-authorization-server";
import type { AuthorizeContext } from "./authorize-context";
import { AUTHORIZE_MESSAGES as M } from "./authorize-messages";
import { continueAuthorization } from "./continue-authorization";
import { decodeIdTokenHint } from "./decode-id-token-hint";
import { deliverAuthorizeError } from "./deliver-authorize-error";
import { frameProtected } from "./frame-protected";
import { logAuthorizeEvent } from "./log-authorize-events";
import { readAuthorizeParams } from "./read-authorize-params";
import { resolveAuthorizeTarget } from "./resolve-authorize-target";
import { resolveDelivery } from "./response-mode";
import { validateAuthorizeParams } from "./validate-authorize-params";

/**
 * GET|POST /oauth2/:authServerId/v1/authorize (spec: "Obtain an Authorization Grant from a User"),
 * validated in the safe order:
 * 1. the server: unknown or INACTIVE -> 404;
 * 2. client_id and redirect_uri (resolveAuthorizeTarget) -> an HTML error page (400), never a
 *    redirect to an unverified URI, in the language ui_locales, Accept-Language or the org asks for;
 * 3. every other parameter (validateAuthorizeParams), then id_token_hint's signature -> errors go
 *    back to the redirect URI through the response mode, with state and iss;
 * 4. the session: a `sessionToken` (Okta's one-time token from the Authentication API) is consumed
 *    and replaces the browser's session (redeemSessionToken, lib/signin: new cookie); an invalid one
 *    leaves no session;
 * 5. continueAuthorization: sign-in, assignment, policy, consent, code and tokens.
 */
export async function authorizeEndpoint(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  return frameProtected(await authorize(app, request));
}

async function authorize(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const now = app.now();
  const snapshot = await getServerSnapshot(app.db, requestedServerId(request.params), now);
  if (!snapshot) return serverNotFound();
  const issuer = buildIssuer(app.orgUrl, snapshot.id);

  const raw = readAuthorizeParams(request);
  const target = await resolveAuthorizeTarget(app.db, raw);
  if (!target.ok) {
    if (target.client) {
      logAuthorizeEvent(
        { app, request, snapshot, issuer, client: target.client, now },
        { eventType: AUTHORIZE_EVENTS.authorize, result: "FAILURE", reason: `${target.error}: ${target.description}`, displayMessage: `OAuth2 authorization request refused: ${target.error}`, debug: { redirectUri: raw.values.get("redirect_uri") ?? null } },
      );
    }
    const locale = await negotiateOrgLocale(app.db, { uiLocales: raw.values.get("ui_locales"), acceptLanguage: request.headers.get("accept-language") });
    return hostedMessagePage("invalidAuthorizeRequest", { error: { code: target.error, description: target.description }, locale });
  }

  const ctx: AuthorizeContext = { app, request, snapshot, issuer, client: target.client, now };
  const delivery = resolveDelivery(raw.values, target.redirectUri);
  const validation = validateAuthorizeParams(raw, target.client, (name) => snapshot.scopesByName[name] !== undefined);
  if (!validation.ok) return deliverAuthorizeError(ctx, delivery, validation, { reason: `INVALID_REQUEST: ${validation.description}` });

  let params = validation.value.params;
  if (validation.value.idTokenHint) {
    const sub = await decodeIdTokenHint(app, snapshot, issuer, validation.value.idTokenHint, now);
    if (!sub) return deliverAuthorizeError(ctx, delivery, { error: "invalid_request", description: M.idTokenHintInvalid }, { reason: "INVALID_ID_TOKEN_HINT" });
    params = { ...params, idTokenHintSub: sub };
  }

  let session = await readSession(app.db, readSessionCookie(request.headers.get("cookie")), now);
  const cookies: string[] = [];
  const sessionToken = validation.value.sessionToken;
  if (sessionToken) {
    const browser = { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent"), cookieHeader: request.headers.get("cookie") };
    const created = await redeemSessionToken(app.db, sessionToken, { browser, now, orgUrl: app.orgUrl });
    session = created?.session ?? null;
    if (created) cookies.push(created.cookie);
  }
  return continueAuthorization(ctx, { params, requestedAt: now, freshSessionId: cookies.length > 0 ? (session?.id ?? null) : null, pending: null, session, cookies });
}
