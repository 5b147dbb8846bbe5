import type { App } from "../../db/generated/sqlite/client";
import { link } from "../../okta-api/links";

function setting(app: App, name: string): string | null {
  const value = (app.oauthSettings as Record<string, unknown> | null)?.[name];
  return typeof value === "string" ? value : null;
}

/** Okta's OAuth2Client: an app that holds tokens of an authorization server. */
export function oauth2ClientJson(orgUrl: string, authServerId: string, app: App) {
  return {
    client_id: app.clientId,
    client_name: app.label,
    client_uri: setting(app, "client_uri"),
    logo_uri: setting(app, "logo_uri"),
    _links: { tokens: link(orgUrl, `/api/v1/authorizationServers/${authServerId}/clients/${encodeURIComponent(app.clientId)}/tokens`) },
  };
}
