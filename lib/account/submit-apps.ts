import type { AppContext } from "../app-context";
import { revokeConsent } from "../consents/revoke-consent";
import { seeOther, type HostedResponse } from "../http/hosted-response";
import type { PlainRequest } from "../http/plain-http";
import { recordAccountEvent } from "./account-event";
import { handleAccountPost } from "./account-post";
import { accountPageUrl } from "./account-urls";

/**
 * POST /account/apps/submit (csrf, client, server, label): the user revokes their consent to an app
 * on an authorization server and everything it holds for them (revokeConsent: the consent grants,
 * the refresh tokens with their access tokens, unexchanged codes), logged as
 * app.oauth2.as.consent.revoke with the user as actor. Only the user's own consents can be named:
 * anything else is "gone" and changes nothing.
 */
export function submitApps(app: AppContext, request: PlainRequest): Promise<HostedResponse> {
  return handleAccountPost(app, request, "apps", async ({ form, visitor, client }) => {
    const now = app.now();
    const clientId = form.get("client") ?? "";
    const authServerId = form.get("server") ?? "";
    const user = { id: visitor.user.id, login: visitor.user.login };
    const revoked = await revokeConsent(app.db, { userId: user.id, clientId, authServerId, now }, (tx, done) =>
      recordAccountEvent(
        tx,
        {
          eventType: "app.oauth2.as.consent.revoke",
          displayMessage: "User revoked consent",
          user,
          client,
          sessionId: visitor.session.id,
          targets: [{ id: clientId, type: "PublicClientApp" }, { id: authServerId, type: "AuthorizationServer" }],
          debug: { scopes: done.scopes, refreshTokensRevoked: done.refreshTokensRevoked },
        },
        now,
      ),
    );
    if (revoked === "gone") return seeOther(accountPageUrl(app.orgUrl, "apps", { error: "gone" }));
    // the notice names no app: a label in the URL would let a link show any text on this page
    return seeOther(accountPageUrl(app.orgUrl, "apps", { done: "revoked" }));
  });
}
