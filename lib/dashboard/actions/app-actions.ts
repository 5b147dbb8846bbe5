import { runAssignGroupToApp } from "../../admin/app-assignments/assign-group-to-app";
import { runAssignUserToApp } from "../../admin/app-assignments/assign-user-to-app";
import { runUnassignGroupFromApp } from "../../admin/app-assignments/unassign-group-from-app";
import { runUnassignUserFromApp } from "../../admin/app-assignments/unassign-user-from-app";
import type { AppBody } from "../../admin/apps/app-input";
import { runCreateAppClientSecret } from "../../admin/apps/client-secrets/create-app-client-secret";
import { runDeleteAppClientSecret } from "../../admin/apps/client-secrets/delete-app-client-secret";
import { runActivateAppClientSecret, runDeactivateAppClientSecret } from "../../admin/apps/client-secrets/set-app-client-secret-status";
import { runCreateApp } from "../../admin/apps/create-app";
import { runDeleteApp } from "../../admin/apps/delete-app";
import { runGetApp } from "../../admin/apps/get-app";
import { runReplaceApp } from "../../admin/apps/replace-app";
import { runActivateApp, runDeactivateApp } from "../../admin/apps/set-app-status";
import { callOperation } from "../call-operation";
import { checked, lines, text, values, type FormInput } from "../form-input";
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

const appPage = (id: string) => `/admin/applications/${id}`;
const appId = (form: FormInput) => idParam(text(form, "appId"));
const secretId = (form: FormInput) => idParam(text(form, "secretId"));

export const appActions: Record<string, DashboardAction> = {
  "app.create": async (call, form) => {
    const type = text(form, "applicationType");
    if (!(APP_TYPES as readonly string[]).includes(type)) return invalid("Choose an application type.", ["applicationType: web, browser, native or service."]);
    const defaults = APP_TYPE_DEFAULTS[type as AppType];
    const grants = values(form, "grantTypes").length ? values(form, "grantTypes") : defaults.grantTypes;
    const body: AppBody = {
      name: "oidc_client",
      label: text(form, "label"),
      signOnMode: "OPENID_CONNECT",
      credentials: { oauthClient: { token_endpoint_auth_method: defaults.authMethod, pkce_required: defaults.pkce } },
      settings: { oauthClient: oauthSettings(form, type, grants) },
    };
    const result = await callOperation(call, (ctx) => runCreateApp(ctx, () => ({ activate: true, body })));
    if (!result.ok) return failure(result);
    const app = result.value;
    const secret = app.credentials.oauthClient.client_secret;
    return {
      ok: true,
      notice: `Created application "${app.label}".`,
      redirectTo: appPage(app.id),
      ...(secret
        ? {
            reveal: {
              label: "Client secret",
              value: secret,
              note: `Client ID ${app.credentials.oauthClient.client_id}. Copy the client secret now: it is shown only once.`,
              continueHref: appPage(app.id),
              continueLabel: "Continue to the application",
            },
          }
        : {}),
    };
  },
  "app.update": async (call, form) => {
    const id = appId(form);
    const current = await callOperation(call, (ctx) => runGetApp(ctx, id));
    if (!current.ok) return failure(current);
    const app = current.value;
    const type = app.settings.oauthClient.application_type;
    const grants = values(form, "grantTypes");
    const oauthClient: Partial<typeof app.credentials.oauthClient> = { ...app.credentials.oauthClient };
    delete oauthClient.client_secret; // the stored secrets stay as they are
    const body: AppBody = {
      ...app,
      label: text(form, "label"),
      credentials: { ...app.credentials, oauthClient: { ...oauthClient, pkce_required: type === "service" ? false : checked(form, "pkceRequired") } },
      settings: { ...app.settings, oauthClient: { ...app.settings.oauthClient, ...oauthSettings(form, type, grants) } },
    };
    return outcome(await callOperation(call, (ctx) => runReplaceApp(ctx, id, () => body)), "Saved the application's settings.");
  },
  "app.activate": async (call, form) => outcome(await callOperation(call, (ctx) => runActivateApp(ctx, appId(form))), "Activated the application."),
  "app.deactivate": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runDeactivateApp(ctx, appId(form))), "Deactivated the application: its tokens are revoked."),
  "app.delete": async (call, form) => outcome(await callOperation(call, (ctx) => runDeleteApp(ctx, appId(form))), "Deleted the application.", "/admin/applications"),
  "app.secret.create": async (call, form) => {
    const id = appId(form);
    const result = await callOperation(call, (ctx) => runCreateAppClientSecret(ctx, id));
    if (!result.ok) return failure(result);
    return {
      ok: true,
      notice: "Generated a new client secret.",
      reveal: {
        label: "New client secret",
        value: result.value.client_secret,
        note: "Copy the new client secret now: it is shown only once. Deactivate the old secret once your app uses the new one.",
        continueHref: appPage(id),
        continueLabel: "Back to the application",
      },
    };
  },
  "app.secret.activate": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runActivateAppClientSecret(ctx, appId(form), secretId(form))), "Activated the client secret."),
  "app.secret.deactivate": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runDeactivateAppClientSecret(ctx, appId(form), secretId(form))), "Deactivated the client secret."),
  "app.secret.delete": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runDeleteAppClientSecret(ctx, appId(form), secretId(form))), "Deleted the client secret."),
  "app.assignUser": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runAssignUserToApp(ctx, appId(form), () => ({ id: text(form, "userId"), scope: "USER" }))), "Assigned the user to the application."),
  "app.unassignUser": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runUnassignUserFromApp(ctx, appId(form), idParam(text(form, "userId")))), "Removed the user's assignment."),
  "app.assignGroup": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runAssignGroupToApp(ctx, appId(form), idParam(text(form, "groupId")))), "Assigned the group to the application."),
  "app.unassignGroup": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runUnassignGroupFromApp(ctx, appId(form), idParam(text(form, "groupId")))), "Removed the group's assignment."),
};
