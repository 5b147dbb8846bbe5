import type { AppContext } from "../../app-context";
import { loadActiveClient } from "../../apps/load-active-client";
import { matchRedirectUri } from "../../apps/match-redirect-uri";
import { hostedErrorPages, hostedMessagePage } from "../../http/hosted-error-pages";
import type { HostedResponse } from "../../http/hosted-response";
import type { PlainRequest } from "../../http/plain-http";
import { deletePendingAuthorization } from "../../pending-authorizations/delete-pending-authorization";
import { loadPendingAuthorization } from "../../pending-authorizations/load-pending-authorization";
import { negotiateOrgLocale } from "../../org-settings/negotiate-org-locale";
import { checkPendingCsrf } from "../../pending-authorizations/pending-cookie";
import { readSession } from "../../sessions/read-session";
import { readSessionCookie } from "../../sessions/session-cookie";
import { buildIssuer } from "../../authorization-servers/build-issuer";
import { getServerSnapshot } from "../snapshot/get-server-snapshot";
import { requestedServerId } from "../snapshot/org-authorization-server";
import { AUTHORIZE_MESSAGES as M } from "./authorize-messages";
import { serverNotFound } from "../errors/server-not-found";
import { continueAuthorization } from "./continue-authorization";
import { frameProtected } from "./frame-protected";

/**
 * GET /oauth2/:authServerId/v1/authorize/resume?request=<id>: where the sign-in and consent pages
 * send the browser back (303). The pending request must exist, belong to this server, not have
 * expired, and be resumed by the browser that started it (its CSRF cookie); its app must still be
 * ACTIVE with the redirect URI registered. Then the decision continues with the session cookie
 * (continueAuthorization), as on the first pass; a session the sign-in page created for this
 * request counts as a fresh authentication. Its error pages speak the request's language.
 */
export async function resumeEndpoint(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  return frameProtected(await resume(app, request));
}

async function resume(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const now = app.now();
  const snapshot = await getServerSnapshot(app.db, requestedServerId(request.params), now);
  if (!snapshot) return serverNotFound();
  const pending = await loadPendingAuthorization(app.db, request.url.searchParams.get("request"), now);
  const locale = () => negotiateOrgLocale(app.db, { uiLocales: pending?.state.params.uiLocales, acceptLanguage: request.headers.get("accept-language") });
  if (!pending || pending.authServerId !== snapshot.id) return hostedErrorPages.expired(await locale());
  const cookieHeader = request.headers.get("cookie");
  if (!checkPendingCsrf(pending, cookieHeader)) return hostedErrorPages.csrf(await locale());

  const { params } = pending.state;
  const client = await loadActiveClient(app.db, pending.clientId);
  if (!client || !matchRedirectUri(client.redirectUris, params.redirectUri, client.applicationType)) {
    await deletePendingAuthorization(app.db, pending.id);
    return hostedMessagePage("appChangedDuringSignin", {
      error: client ? { code: "invalid_request", description: M.redirectUriInvalid } : { code: "invalid_client", description: M.clientInvalid },
      locale: await locale(),
    });
  }
  const session = await readSession(app.db, readSessionCookie(cookieHeader), now);
  const ctx = { app, request, snapshot, issuer: buildIssuer(app.orgUrl, snapshot.id), client, now };
  return continueAuthorization(ctx, { params, requestedAt: new Date(pending.state.requestedAt), freshSessionId: pending.state.signedInSessionId ?? null, pending, session, cookies: [] });
}
