import type { App } from "../../db/generated/sqlite/client";
import { toOAuthClient } from "../../apps/oauth-client";
import { isoTime, link } from "../../okta-api/links";
import { DEFAULT_ACCESSIBILITY, DEFAULT_NOTES, DEFAULT_NOTIFICATIONS, DEFAULT_VISIBILITY, readAppExtra } from "../../apps/app-extra";

/**
 * Okta's OpenIdConnectApplication. `clientSecret` is the app's newest ACTIVE client secret, which
 * Okta returns in credentials.oauthClient for confidential apps; null for apps without one and for
 * callers who may not manage the app (visibleClientSecret).
 * `accessPolicyId`: the authentication policy (ACCESS_POLICY) that decides the app's sign-in (the
 * one it is assigned to, else the default), linked as Okta does (`_links.accessPolicy`).
 */
export function appJson(orgUrl: string, app: App, clientSecret: string | null, accessPolicyId: string | null) {
  const client = toOAuthClient(app);
  const extra = readAppExtra(app.extra);
  const base = `/api/v1/apps/${app.id}`;
  return {
    id: app.id,
    name: app.name,
    label: app.label,
    status: app.status,
    lastUpdated: isoTime(app.lastUpdated),
    created: isoTime(app.created),
    accessibility: { ...DEFAULT_ACCESSIBILITY, ...extra.accessibility },
    visibility: { ...DEFAULT_VISIBILITY, ...extra.visibility },
    features: [],
    signOnMode: app.signOnMode,
    ...(extra.profile ? { profile: extra.profile } : {}),
    credentials: {
      userNameTemplate: { template: "${source.login}", type: "BUILT_IN" },
      signing: {},
      oauthClient: {
        autoKeyRotation: true,
        client_id: app.clientId,
        ...(clientSecret !== null ? { client_secret: clientSecret } : {}),
        token_endpoint_auth_method: client.tokenEndpointAuthMethod,
        pkce_required: client.pkceRequired,
      },
    },
    settings: {
      app: { ...extra.settings?.app },
      notifications: extra.settings?.notifications ?? DEFAULT_NOTIFICATIONS,
      notes: extra.settings?.notes ?? DEFAULT_NOTES,
      oauthClient: {
        client_uri: client.clientUri,
        logo_uri: client.logoUri,
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris,
        response_types: client.responseTypes,
        grant_types: client.grantTypes,
        initiate_login_uri: client.initiateLoginUri,
        application_type: client.applicationType,
        consent_method: client.consentMethod,
        issuer_mode: "ORG_URL",
        wildcard_redirect: "DISABLED",
        ...optionalSettings(app.oauthSettings),
        ...(client.jwks ? { jwks: client.jwks } : {}),
      },
    },
    _links: {
      ...(accessPolicyId !== null ? { accessPolicy: { href: `${orgUrl}/api/v1/policies/${accessPolicyId}` } } : {}),
      appLinks: client.initiateLoginUri ? [{ name: "oidc_client_link", href: client.initiateLoginUri, type: "text/html" }] : [],
      groups: link(orgUrl, `${base}/groups`),
      logo: client.logoUri ? [{ name: "medium", href: client.logoUri }] : [],
      users: link(orgUrl, `${base}/users`),
      ...(app.status === "ACTIVE" ? { deactivate: link(orgUrl, `${base}/lifecycle/deactivate`) } : { activate: link(orgUrl, `${base}/lifecycle/activate`) }),
      self: link(orgUrl, base),
    },
  };
}

/** tos_uri and policy_uri appear only when set. */
function optionalSettings(settings: unknown): Record<string, string> {
  const stored = (settings ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const name of ["tos_uri", "policy_uri"]) {
    const value = stored[name];
    if (typeof value === "string") out[name] = value;
  }
  return out;
}
