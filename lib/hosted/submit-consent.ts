import type { AppContext } from "../app-context";
import type { PlainRequest } from "../http/plain-http";
import { grantConsent } from "../consents/grant-consent";
import { AUTHORIZE_EVENTS } from "../pending-authorizations/authorize-events";
import { loadPendingAuthorization } from "../pending-authorizations/load-pending-authorization";
import { savePendingState } from "../pending-authorizations/save-pending-state";
import { readSession } from "../sessions/read-session";
import { readSessionCookie } from "../sessions/session-cookie";
import { queueSystemLog } from "../system-log/queue-system-log";
import { checkPendingForm } from "./hosted-form-token";
import { refusalPage } from "./refusal-page";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import { hostedUrls } from "../http/hosted-urls";
import { isSameOriginPost, readHostedForm } from "../http/read-hosted-form";
import { buildEndpointUrl } from "../authorization-servers/build-issuer";

/**
 * POST /consent/submit (request, csrf, decision=allow|deny), 303 in every case that continues:
 * - the same checks as the sign-in form (pending request, Origin, CSRF cookie and field); no
 *   session -> back to sign-in;
 * - allow: a ConsentGrant per scope asked (reused by later requests of this user, app and server),
 *   System Log app.oauth2.as.consent.grant, and the request remembers who consented;
 * - deny: the request remembers the refusal, and the resume step answers access_denied through the
 *   response mode;
 * then 303 to the authorize resume step.
 */
export async function submitConsent(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  const now = app.now();
  const form = readHostedForm(request);
  if (!form) return refusalPage(app, request, "csrf");
  const pending = await loadPendingAuthorization(app.db, form.get("request"), now);
  if (!pending || !pending.state.consentScopes?.length) return refusalPage(app, request, "expired", pending?.state.params.uiLocales);
  const cookieHeader = request.headers.get("cookie");
  const uiLocales = pending.state.params.uiLocales;
  if (!isSameOriginPost(request, app.orgUrl) || !checkPendingForm(app.secretsKey, pending, cookieHeader, form.get("csrf"))) return refusalPage(app, request, "csrf", uiLocales);
  const decision = form.get("decision");
  if (decision !== "allow" && decision !== "deny") return refusalPage(app, request, "csrf", uiLocales);

  const session = await readSession(app.db, readSessionCookie(cookieHeader), now);
  if (!session) return seeOther(hostedUrls.signin(app.orgUrl, pending.id));
  const scopes = pending.state.consentScopes;

  if (decision === "allow") {
    await grantConsent(app.db, { userId: session.userId, clientId: pending.clientId, authServerId: pending.authServerId, scopes, now });
    await savePendingState(app.db, pending, { consentedBy: session.userId, deniedBy: undefined });
  } else {
    await savePendingState(app.db, pending, { deniedBy: session.userId, consentedBy: undefined });
  }
  queueSystemLog(
    app.db,
    {
      eventType: AUTHORIZE_EVENTS.consentGrant,
      displayMessage: decision === "allow" ? "User granted consent to the app" : "User denied consent to the app",
      actor: { id: session.userId, type: "User", alternateId: session.login },
      client: { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") },
      outcome: { result: decision === "allow" ? "SUCCESS" : "DENY", ...(decision === "deny" ? { reason: "CONSENT_DENIED: the user denied consent" } : {}) },
      target: [
        { id: pending.clientId, type: "PublicClientApp", alternateId: pending.clientId },
        { id: pending.authServerId, type: "AuthorizationServer" },
      ],
      debugContext: { scopes: scopes.join(" "), pendingAuthorizationId: pending.id },
    },
    now,
  );
  return seeOther(hostedUrls.resume(buildEndpointUrl(app.orgUrl, pending.authServerId, "authorize/resume"), pending.id));
}
