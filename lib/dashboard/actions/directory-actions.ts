import { createApiToken } from "../../admin/api-tokens/create-api-token";
import { revokeApiToken } from "../../admin/api-tokens/revoke-api-token";
import { AdminApiError } from "../../admin/admin-api-error";
import { addGroupMember } from "../../admin/groups/add-group-member";
import { createGroup } from "../../admin/groups/create-group";
import { deleteGroup } from "../../admin/groups/delete-group";
import { removeGroupMember } from "../../admin/groups/remove-group-member";
import { replaceGroup } from "../../admin/groups/replace-group";
import { createTrustedOrigin } from "../../admin/trusted-origins/create-trusted-origin";
import { deleteTrustedOrigin } from "../../admin/trusted-origins/delete-trusted-origin";
import { replaceTrustedOrigin } from "../../admin/trusted-origins/replace-trusted-origin";
import { activateTrustedOrigin, deactivateTrustedOrigin } from "../../admin/trusted-origins/set-trusted-origin-status";
import { optionalText, text, values, type FormInput } from "../form-input";
import { runAdminOperation } from "../run-admin-operation";
import { idParam, invalid, outcome } from "./outcome";
import type { DashboardAction } from "./types";

const GROUPS = "/api/v1/groups";
const ORIGINS = "/api/v1/trustedOrigins";
const run = runAdminOperation;

function groupBody(form: FormInput) {
  return { profile: { name: text(form, "name"), description: optionalText(form, "description") } };
}

function originBody(form: FormInput) {
  return { name: text(form, "name"), origin: text(form, "origin").trim(), scopes: values(form, "scopes").map((type) => ({ type })) };
}

function groupIds(form: FormInput) {
  const groupId = idParam(text(form, "groupId"));
  return { groupId, base: `${GROUPS}/${groupId}` };
}

function originIds(form: FormInput) {
  const trustedOriginId = idParam(text(form, "trustedOriginId"));
  return { trustedOriginId, base: `${ORIGINS}/${trustedOriginId}` };
}

export const directoryActions: Record<string, DashboardAction> = {
  "group.create": async (call, form) => {
    const result = await run(call, createGroup, { path: GROUPS, method: "POST", body: groupBody(form) });
    return outcome(result, `Created group "${result.ok ? result.body.profile.name : ""}".`, result.ok ? `/admin/groups/${result.body.id}` : undefined);
  },
  "group.update": async (call, form) => {
    const { groupId, base } = groupIds(form);
    return outcome(await run(call, replaceGroup, { path: base, method: "PUT", params: { groupId }, body: groupBody(form) }), "Saved the group.");
  },
  "group.delete": async (call, form) => {
    const { groupId, base } = groupIds(form);
    return outcome(await run(call, deleteGroup, { path: base, method: "DELETE", params: { groupId } }), "Deleted the group.", "/admin/groups");
  },
  "group.addMember": async (call, form) => {
    const { groupId, base } = groupIds(form);
    const userId = idParam(text(form, "userId"));
    return outcome(await run(call, addGroupMember, { path: `${base}/users/${userId}`, method: "PUT", params: { groupId, userId } }), "Added the member.");
  },
  "group.removeMember": async (call, form) => {
    const { groupId, base } = groupIds(form);
    const userId = idParam(text(form, "userId"));
    return outcome(await run(call, removeGroupMember, { path: `${base}/users/${userId}`, method: "DELETE", params: { groupId, userId } }), "Removed the member.");
  },

  "trustedOrigin.create": async (call, form) => {
    const result = await run(call, createTrustedOrigin, { path: ORIGINS, method: "POST", body: originBody(form) });
    return outcome(result, `Added trusted origin ${result.ok ? result.body.origin : ""}.`, "/admin/trusted-origins");
  },
  "trustedOrigin.update": async (call, form) => {
    const { trustedOriginId, base } = originIds(form);
    return outcome(await run(call, replaceTrustedOrigin, { path: base, method: "PUT", params: { trustedOriginId }, body: originBody(form) }), "Saved the trusted origin.", "/admin/trusted-origins");
  },
  "trustedOrigin.activate": async (call, form) => {
    const { trustedOriginId, base } = originIds(form);
    return outcome(await run(call, activateTrustedOrigin, { path: `${base}/lifecycle/activate`, method: "POST", params: { trustedOriginId } }), "Activated the trusted origin.");
  },
  "trustedOrigin.deactivate": async (call, form) => {
    const { trustedOriginId, base } = originIds(form);
    return outcome(await run(call, deactivateTrustedOrigin, { path: `${base}/lifecycle/deactivate`, method: "POST", params: { trustedOriginId } }), "Deactivated the trusted origin.");
  },
  "trustedOrigin.delete": async (call, form) => {
    const { trustedOriginId, base } = originIds(form);
    return outcome(await run(call, deleteTrustedOrigin, { path: base, method: "DELETE", params: { trustedOriginId } }), "Deleted the trusted origin.", "/admin/trusted-origins");
  },

  "apiToken.create": async (call, form) => {
    try {
      const { token, record } = await createApiToken(call.app.db, { name: text(form, "name"), userId: call.admin.userId, clientName: "Admin dashboard" }, call.app.now());
      return {
        ok: true,
        notice: `Created API token "${record.name}".`,
        reveal: {
          label: "API token",
          value: token,
          note: `Use it as "Authorization: SSWS <token>". Copy it now: it is shown only once and acts with your admin rights.`,
          continueHref: "/admin/api-tokens",
          continueLabel: "Back to API tokens",
        },
      };
    } catch (error) {
      if (error instanceof AdminApiError) return invalid(error.errorSummary, error.causes);
      throw error;
    }
  },
  "apiToken.revoke": async (call, form) => {
    const apiTokenId = idParam(text(form, "apiTokenId"));
    return outcome(await run(call, revokeApiToken, { path: `/api/v1/api-tokens/${apiTokenId}`, method: "DELETE", params: { apiTokenId } }), "Revoked the API token.");
  },
};
