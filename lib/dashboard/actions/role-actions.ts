import { runFindAppsByClientId } from "../../admin/apps/find-apps-by-client-id";
import { runAssignRole, runUnassignRole } from "../../admin/roles/role-operations";
import type { AssigneeRef } from "../../admin-roles/role-assignee";
import { callOperation } from "../call-operation";
import { text, type FormInput } from "../form-input";
import { failure, idParam, invalid, outcome } from "./outcome";
import type { DashboardAction } from "./types";

const ASSIGNEE_TYPES = ["USER", "GROUP", "APP"] as const;
const NOUN: Record<AssigneeRef["type"], string> = { USER: "user", GROUP: "group", APP: "app" };

function assigneeType(form: FormInput): AssigneeRef["type"] | null {
  const type = text(form, "assigneeType");
  return (ASSIGNEE_TYPES as readonly string[]).includes(type) ? (type as AssigneeRef["type"]) : null;
}

/**
 * The Admins page's actions: the Roles API's typed operations (SUPER_ADMIN only, enforced there as
 * for the API; the last active super administrator stays). An app is chosen by client_id (the
 * pickers' value for apps) and assigned by its id.
 */
export const roleActions: Record<string, DashboardAction> = {
  "role.assign": async (call, form) => {
    const type = assigneeType(form);
    if (!type) return invalid("Choose a user, a group or an app.");
    const chosen = text(form, "assigneeId");
    if (!chosen) return invalid(`Choose the ${NOUN[type]} to assign the role to.`, [`assigneeId: Choose a ${NOUN[type]}.`]);
    let id = idParam(chosen);
    if (type === "APP") {
      const apps = await callOperation(call, (ctx) => runFindAppsByClientId(ctx, [chosen]));
      if (!apps.ok) return failure(apps);
      id = apps.value[0]?.id ?? "_invalid_";
    }
    const roleType = text(form, "roleType");
    return outcome(await callOperation(call, (ctx) => runAssignRole(ctx, { type, id }, () => ({ type: roleType }))), (role) => `Assigned ${role.label}.`);
  },
  "role.unassign": async (call, form) => {
    const type = assigneeType(form);
    if (!type) return invalid("Choose a user, a group or an app.");
    const ref = { type, id: idParam(text(form, "assigneeId")) };
    return outcome(await callOperation(call, (ctx) => runUnassignRole(ctx, ref, idParam(text(form, "roleAssignmentId")))), "Unassigned the role.");
  },
};
