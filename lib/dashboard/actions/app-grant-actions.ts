import { runGrantAppScope } from "../../admin/app-grants/grant-app-scope";
import { runRevokeAppGrant } from "../../admin/app-grants/revoke-app-grant";
import { callOperation } from "../call-operation";
import { text, type FormInput } from "../form-input";
import { idParam, outcome } from "./outcome";
import type { DashboardAction } from "./types";

const appId = (form: FormInput) => idParam(text(form, "appId"));

/**
 * The app page's Okta API scopes (app/admin/applications/[appId]/_grants-section.tsx): the grants
 * API's typed operations, so the dashboard grants and revokes exactly as /api/v1/apps/{appId}/grants
 * does (validation, System Log). The issuer is always the org authorization server's: the org URL.
 */
export const appGrantActions: Record<string, DashboardAction> = {
  "appGrant.grant": async (call, form) =>
    outcome(
      await callOperation(call, (ctx) => runGrantAppScope(ctx, appId(form), () => ({ scopeId: text(form, "scopeId"), issuer: ctx.orgUrl }))),
      (grant) => `Granted ${grant.scopeId}.`,
    ),
  "appGrant.revoke": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runRevokeAppGrant(ctx, appId(form), idParam(text(form, "grantId")))), `Revoked ${text(form, "scopeId") || "the scope"}.`),
};
