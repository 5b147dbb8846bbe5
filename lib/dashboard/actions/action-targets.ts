import type { ManagedTarget } from "../../admin-roles/check-target-rules";
import { text, values, type FormInput } from "../form-input";
import { idParam } from "./outcome";

const id = (form: FormInput, name: string) => idParam(text(form, name));

/**
 * What a dashboard action changes, as the target rules see it (lib/admin-roles/check-target-rules.ts:
 * an admin user, a group carrying a role, an app holding a role or grant are a SUPER_ADMIN's only):
 * the target the management API derives from the route doing the same change
 * (lib/admin/route-targets.ts), so that the dashboard and the API agree. None: no target rule
 * applies (creating a group or an app, the org's other settings, authorization servers, policies...).
 */
export function actionTarget(name: string, form: FormInput): ManagedTarget | null {
  if (name === "user.create") return { type: "groups", groupIds: values(form, "groupIds") };
  // POST /org/settings: the groups a self-registered user joins
  if (name === "org.updateSettings") return { type: "groups", groupIds: values(form, "registrationDefaultGroupIds") };
  // PUT and DELETE /groups/{groupId}/users/{userId}: the group's membership
  if (name === "user.addGroup" || name === "user.removeGroup") return { type: "group", groupId: id(form, "groupId") };
  if (name.startsWith("user.") || name.startsWith("factor.")) return { type: "user", userId: id(form, "userId") };
  if (name.startsWith("group.") && name !== "group.create") return { type: "group", groupId: id(form, "groupId") };
  // /apps/{appId}/grants: an app's okta.* scopes are its privileges
  if (name.startsWith("appGrant.")) return { type: "privileges", assignee: { type: "APP", id: id(form, "appId") } };
  if (name.startsWith("app.") && name !== "app.create") return { type: "app", appId: id(form, "appId") };
  if (name === "apiToken.revoke") return { type: "apiToken", apiTokenId: id(form, "apiTokenId") };
  return null;
}
