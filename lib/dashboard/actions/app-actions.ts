import { assignGroupToApp } from "../../admin/app-assignments/assign-group-to-app";
import { assignUserToApp } from "../../admin/app-assignments/assign-user-to-app";
import { unassignGroupFromApp } from "../../admin/app-assignments/unassign-group-from-app";
import { unassignUserFromApp } from "../../admin/app-assignments/unassign-user-from-app";
import { createAppClientSecret } from "../../admin/apps/client-secrets/create-app-client-secret";
import { deleteAppClientSecret } from "../../admin/apps/client-secrets/delete-app-client-secret";
import { activateAppClientSecret, deactivateAppClientSecret } from "../../admin/apps/client-secrets/set-app-client-secret-status";
import { createApp } from "../../admin/apps/create-app";
import { deleteApp } from "../../admin/apps/delete-app";
import { getApp } from "../../admin/apps/get-app";
import { replaceApp } from "../../admin/apps/replace-app";
import { activateApp, deactivateApp } from "../../admin/apps/set-app-status";
import { checked, lines, text, values, type FormInput } from "../form-input";
import { runAdminOperation } from "../run-admin-operation";
import { failure, idParam, invalid, outcome } from "./outcome";
import type { DashboardAction } from "./types";

export const APP_TYPES = ["web", "browser", "native", "service"] as const;
export type AppType = (typeof APP_TYPES)[number];

/** The create wizard's defaults per type, as Okta's console sets them. */
export const APP_TYPE_DEFAULTS: Record<AppType, { title: string; grantTypes: string[]; authMethod: string; pkce: boolean; summary: string }> = {
  web: { title: "Web application", grantTypes: ["authorization_code", "refresh_token"], authMethod: "client_secret_basic", pkce: true, summary: "Server-side app that can keep a client secret (authorization code + PKCE, refresh tokens)." },
  browser: { title: "Single-page application", grantTypes: ["authorization_code", "refresh_token"], authMethod: "none", pkce: true, summary: "Browser app without a secret (authorization code + PKCE, refresh tokens)." },
  native: { title: "Native application", grantTypes: ["authorization_code", "refresh_token"], authMethod: "none", pkce: true, summary: "Mobile or desktop app without a secret (authorization code + PKCE, custom-scheme redirects)." },
  service: { title: "Service (machine-to-machine)", grantTypes: ["client_credentials"], authMethod: "client_secret_basic", pkce: false, summary: "Backend service calling APIs as itself (client credentials)." },
};

/** Response types follow the grants (code for authorization_code; token and id_token for implicit). */
export function responseTypesFor(type: string, grants: readonly string[]): string[] {
  if (type === "service") return ["token"];
  const types: string[] = [];
  if (grants.includes("authorization_code")) types.push("code");
  if (grants.includes("implicit")) types.push("token", "id_token");
  return types.length ? types : ["code"];
}

function oauthSettings(form: FormInput, type: string, grants: string[]) {
  return {
    application_type: type,
    grant_types: grants,
    response_types: responseTypesFor(type, grants),
    redirect_uris: lines(form, "redirectUris"),
    post_logout_redirect_uris: lines(form, "postLogoutRedirectUris"),
    consent_method: checked(form, "consentRequired") ? "REQUIRED" : "TRUSTED",
    ...(text(form, "initiateLoginUri").trim() ? { initiate_login_uri: text(form, "initiateLoginUri").trim() } : {}),
  };
}

const APPS = "/api/v1/apps";
const appPage = (id: string) => `/admin/applications/${id}`;
const run = runAdminOperation;

function appIds(form: FormInput) {
  const appId = idParam(text(form, "appId"));
  return { appId, base: `${APPS}/${appId}` };
}

export const appActions: Record<string, DashboardAction> = {
  "app.create": async (call, form) => {
    const type = text(form, "applicationType");
    if (!(APP_TYPES as readonly string[]).includes(type)) return invalid("Choose an application type.", ["applicationType: web, browser, native or service."]);
    const defaults = APP_TYPE_DEFAULTS[type as AppType];
    const grants = values(form, "grantTypes").length ? values(form, "grantTypes") : defaults.grantTypes;
    const body = {
      name: "oidc_client",
      label: text(form, "label"),
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { token_endpoint_auth_method: defaults.authMethod, pkce_required: defaults.pkce } },
      settings: { oauthClient: oauthSettings(form, type, grants) },
    };
    const result = await run(call, createApp, { path: APPS, method: "POST", query: { activate: "true" }, body });
    if (!result.ok) return failure(result);
    const secret = result.body.credentials?.oauthClient?.client_secret as string | undefined;
    return {
      ok: true,
      notice: `Created application "${result.body.label}".`,
      redirectTo: appPage(result.body.id),
      ...(secret
        ? {
            reveal: {
              label: "Client secret",
              value: secret,
              note: `Client ID ${result.body.credentials.oauthClient.client_id}. Copy the client secret now: it is shown only once.`,
              continueHref: appPage(result.body.id),
              continueLabel: "Continue to the application",
            },
          }
        : {}),
    };
  },
  "app.update": async (call, form) => {
    const { appId, base } = appIds(form);
    const current = await run(call, getApp, { path: base, params: { appId } });
    if (!current.ok) return failure(current);
    const type = current.body.settings.oauthClient.application_type as string;
    const grants = values(form, "grantTypes");
    const oauthClient = { ...current.body.credentials.oauthClient };
    delete oauthClient.client_secret; // the stored secrets stay as they are
    oauthClient.pkce_required = type === "service" ? false : checked(form, "pkceRequired");
    const body = {
      ...current.body,
      label: text(form, "label"),
      credentials: { ...current.body.credentials, oauthClient },
      settings: { ...current.body.settings, oauthClient: { ...current.body.settings.oauthClient, ...oauthSettings(form, type, grants) } },
    };
    return outcome(await run(call, replaceApp, { path: base, method: "PUT", params: { appId }, body }), "Saved the application's settings.");
  },
  "app.activate": async (call, form) => {
    const { appId, base } = appIds(form);
    return outcome(await run(call, activateApp, { path: `${base}/lifecycle/activate`, method: "POST", params: { appId } }), "Activated the application.");
  },
  "app.deactivate": async (call, form) => {
    const { appId, base } = appIds(form);
    return outcome(await run(call, deactivateApp, { path: `${base}/lifecycle/deactivate`, method: "POST", params: { appId } }), "Deactivated the application: its tokens are revoked.");
  },
  "app.delete": async (call, form) => {
    const { appId, base } = appIds(form);
    return outcome(await run(call, deleteApp, { path: base, method: "DELETE", params: { appId } }), "Deleted the application.", "/admin/applications");
  },
  "app.secret.create": async (call, form) => {
    const { appId, base } = appIds(form);
    const result = await run(call, createAppClientSecret, { path: `${base}/credentials/secrets`, method: "POST", params: { appId } });
    if (!result.ok) return failure(result);
    return {
      ok: true,
      notice: "Generated a new client secret.",
      reveal: {
        label: "New client secret",
        value: result.body.client_secret,
        note: "Copy the new client secret now: it is shown only once. Deactivate the old secret once your app uses the new one.",
        continueHref: appPage(appId),
        continueLabel: "Back to the application",
      },
    };
  },
  "app.secret.activate": async (call, form) => {
    const { appId, base } = appIds(form);
    const secretId = idParam(text(form, "secretId"));
    return outcome(await run(call, activateAppClientSecret, { path: `${base}/credentials/secrets/${secretId}/lifecycle/activate`, method: "POST", params: { appId, secretId } }), "Activated the client secret.");
  },
  "app.secret.deactivate": async (call, form) => {
    const { appId, base } = appIds(form);
    const secretId = idParam(text(form, "secretId"));
    return outcome(await run(call, deactivateAppClientSecret, { path: `${base}/credentials/secrets/${secretId}/lifecycle/deactivate`, method: "POST", params: { appId, secretId } }), "Deactivated the client secret.");
  },
  "app.secret.delete": async (call, form) => {
    const { appId, base } = appIds(form);
    const secretId = idParam(text(form, "secretId"));
    return outcome(await run(call, deleteAppClientSecret, { path: `${base}/credentials/secrets/${secretId}`, method: "DELETE", params: { appId, secretId } }), "Deleted the client secret.");
  },
  "app.assignUser": async (call, form) => {
    const { appId, base } = appIds(form);
    const result = await run(call, assignUserToApp, { path: `${base}/users`, method: "POST", params: { appId }, body: { id: text(form, "userId"), scope: "USER" } });
    return outcome(result, "Assigned the user to the application.");
  },
  "app.unassignUser": async (call, form) => {
    const { appId, base } = appIds(form);
    const userId = idParam(text(form, "userId"));
    return outcome(await run(call, unassignUserFromApp, { path: `${base}/users/${userId}`, method: "DELETE", params: { appId, userId } }), "Removed the user's assignment.");
  },
  "app.assignGroup": async (call, form) => {
    const { appId, base } = appIds(form);
    const groupId = idParam(text(form, "groupId"));
    return outcome(await run(call, assignGroupToApp, { path: `${base}/groups/${groupId}`, method: "PUT", params: { appId, groupId }, body: {} }), "Assigned the group to the application.");
  },
  "app.unassignGroup": async (call, form) => {
    const { appId, base } = appIds(form);
    const groupId = idParam(text(form, "groupId"));
    return outcome(await run(call, unassignGroupFromApp, { path: `${base}/groups/${groupId}`, method: "DELETE", params: { appId, groupId } }), "Removed the group's assignment.");
  },
};
