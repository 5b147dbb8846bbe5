import { createApiToken } from "../../api-tokens/create-api-token";
import { runRevokeApiToken } from "../../admin/api-tokens/revoke-api-token";
import { runAddGroupMember } from "../../admin/groups/add-group-member";
import { runCreateGroup } from "../../admin/groups/create-group";
import { runDeleteGroup } from "../../admin/groups/delete-group";
import type { GroupBody } from "../../admin/groups/group-input";
import { runRemoveGroupMember } from "../../admin/groups/remove-group-member";
import { runReplaceGroup } from "../../admin/groups/replace-group";
import { runCreateTrustedOrigin } from "../../admin/trusted-origins/create-trusted-origin";
import { runDeleteTrustedOrigin } from "../../admin/trusted-origins/delete-trusted-origin";
import { runReplaceTrustedOrigin } from "../../admin/trusted-origins/replace-trusted-origin";
import { runActivateTrustedOrigin, runDeactivateTrustedOrigin } from "../../admin/trusted-origins/set-trusted-origin-status";
import type { TrustedOriginBody } from "../../admin/trusted-origins/trusted-origin-input";
import { callOperation } from "../call-operation";
import { optionalText, text, values, type FormInput } from "../form-input";
import { failure, idParam, outcome } from "./outcome";
import type { DashboardAction } from "./types";

function groupBody(form: FormInput): GroupBody {
  return { profile: { name: text(form, "name"), description: optionalText(form, "description") } };
}

function originBody(form: FormInput): TrustedOriginBody {
  return { name: text(form, "name"), origin: text(form, "origin").trim(), scopes: values(form, "scopes").map((type) => ({ type })) };
}

const groupId = (form: FormInput) => idParam(text(form, "groupId"));
const userId = (form: FormInput) => idParam(text(form, "userId"));
const originId = (form: FormInput) => idParam(text(form, "trustedOriginId"));

export const directoryActions: Record<string, DashboardAction> = {
  "group.create": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runCreateGroup(ctx, () => groupBody(form))), (group) => `Created group "${group.profile.name}".`, (group) => `/admin/groups/${group.id}`),
  "group.update": async (call, form) => outcome(await callOperation(call, (ctx) => runReplaceGroup(ctx, groupId(form), () => groupBody(form))), "Saved the group."),
  "group.delete": async (call, form) => outcome(await callOperation(call, (ctx) => runDeleteGroup(ctx, groupId(form))), "Deleted the group.", "/admin/groups"),
  "group.addMember": async (call, form) => outcome(await callOperation(call, (ctx) => runAddGroupMember(ctx, groupId(form), userId(form))), "Added the member."),
  "group.removeMember": async (call, form) => outcome(await callOperation(call, (ctx) => runRemoveGroupMember(ctx, groupId(form), userId(form))), "Removed the member."),

  "trustedOrigin.create": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runCreateTrustedOrigin(ctx, () => originBody(form))), (origin) => `Added trusted origin ${origin.origin}.`, "/admin/trusted-origins"),
  "trustedOrigin.update": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runReplaceTrustedOrigin(ctx, originId(form), () => originBody(form))), "Saved the trusted origin.", "/admin/trusted-origins"),
  "trustedOrigin.activate": async (call, form) => outcome(await callOperation(call, (ctx) => runActivateTrustedOrigin(ctx, originId(form))), "Activated the trusted origin."),
  "trustedOrigin.deactivate": async (call, form) => outcome(await callOperation(call, (ctx) => runDeactivateTrustedOrigin(ctx, originId(form))), "Deactivated the trusted origin."),
  "trustedOrigin.delete": async (call, form) =>
    outcome(await callOperation(call, (ctx) => runDeleteTrustedOrigin(ctx, originId(form))), "Deleted the trusted origin.", "/admin/trusted-origins"),

  "apiToken.create": async (call, form) => {
    const created = await callOperation(call, (ctx) => createApiToken(ctx.db, { name: text(form, "name"), userId: ctx.actor.userId, clientName: "Admin dashboard" }, ctx.now()));
    if (!created.ok) return failure(created);
    const { token, record } = created.value;
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
  },
  "apiToken.revoke": async (call, form) => outcome(await callOperation(call, (ctx) => runRevokeApiToken(ctx, idParam(text(form, "apiTokenId")))), "Revoked the API token."),
};
