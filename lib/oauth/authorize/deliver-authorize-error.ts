import type { HostedResponse } from "../../http/hosted-response";
import { negotiateLocale } from "../../i18n/negotiate-locale";
import { AUTHORIZE_EVENTS } from "../../pending-authorizations/authorize-events";
import { deletePendingAuthorization } from "../../pending-authorizations/delete-pending-authorization";
import type { AuthorizeContext } from "./authorize-context";
import type { AuthorizeError, Delivery } from "./authorize-types";
import { buildAuthorizationResponse } from "./build-authorization-response";
import { logAuthorizeEvent } from "./log-authorize-events";

export type ErrorDetails = {
  /** for the System Log only */
  reason: string;
  user?: { id: string; login: string } | null;
  /** the pending authorization the error finishes */
  pendingId?: string | null;
  debug?: Record<string, unknown>;
  cookies?: string[];
};

/**
 * An authorization error sent back to the client through its response mode (RFC 6749 4.1.2.1,
 * OIDC Core 3.1.2.6): always both `error` and `error_description` (okta-auth-js ignores an error
 * without a description), `state` when the request had one, and `iss` (RFC 9207). Logs the
 * refusal (DENY for access_denied) and ends the pending authorization.
 */
export async function deliverAuthorizeError(ctx: AuthorizeContext, delivery: Delivery, error: AuthorizeError, details: ErrorDetails): Promise<HostedResponse> {
  logAuthorizeEvent(ctx, {
    eventType: AUTHORIZE_EVENTS.authorize,
    result: error.error === "access_denied" ? "DENY" : "FAILURE",
    reason: details.reason,
    displayMessage: `OAuth2 authorization request refused: ${error.error}`,
    user: details.user ?? null,
    debug: { error: error.error, errorDescription: error.description, redirectUri: delivery.redirectUri, responseMode: delivery.responseMode, ...details.debug },
  });
  if (details.pendingId) await deletePendingAuthorization(ctx.app.db, details.pendingId);
  const response = buildAuthorizationResponse({
    redirectUri: delivery.redirectUri,
    responseMode: delivery.responseMode,
    params: [["error", error.error], ["error_description", error.description], ...(delivery.state !== null ? ([["state", delivery.state]] as const) : [])],
    issuer: ctx.issuer,
    random: ctx.random,
    locale: negotiateLocale({ uiLocales: ctx.request.url.searchParams.get("ui_locales"), acceptLanguage: ctx.request.headers.get("accept-language") }),
  });
  return details.cookies?.length ? { ...response, cookies: details.cookies } : response;
}
