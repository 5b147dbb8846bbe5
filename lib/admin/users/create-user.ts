import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { createUser as create } from "../../users/create-user";
import { issueActivation, recipientOf } from "../../user-tokens/issue-activation";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { readBooleanParam } from "./read-boolean-param";
import { type CreateUserBody, createUserInput, userProfileInput } from "./user-input";
import { userJson } from "./user-json";
import { userLogTargets } from "./user-log-targets";

/**
 * POST /api/v1/users?activate=true|false[&sendEmail=true|false] -> 200 (SDK createUser). Status, as
 * Okta: activate=false -> STAGED; activate=true (the default) -> ACTIVE with a password, PROVISIONED
 * without one: the user then gets an activation token (lib/user-tokens issueActivation) and, unless
 * sendEmail=false, the activation email with its `/welcome/{token}` link, in the creation's
 * transaction (the token itself is never returned here: `lifecycle/reactivate?sendEmail=false`
 * hands out a new one).
 * Checks, in order: body and profile (E0000001 per field), login free (ignoring case), password
 * policy, groupIds (existing OKTA_GROUP groups). The password is hashed (argon2id) and never
 * stored, logged or returned.
 */
export async function createUser(ctx: AdminContext): Promise<AdminResponse> {
  const request = () => ({
    activate: readBooleanParam(ctx.request.url, "activate", true),
    sendEmail: readBooleanParam(ctx.request.url, "sendEmail", true),
    body: readJsonBody<CreateUserBody>(ctx.request),
  });
  return { status: 200, body: await runCreateUser(ctx, request) };
}

/** createUser as a typed operation. */
export async function runCreateUser(ctx: OperationContext, request: Deferred<{ activate: boolean; sendEmail?: boolean; body: CreateUserBody }>) {
  const { activate, sendEmail = true, body: raw } = request();
  const body = parseInput(createUserInput, raw, "user");
  const profile = parseInput(userProfileInput, body.profile, "profile");
  const password = body.credentials?.password?.value ?? null;
  const input = { profile, password, activate, groupIds: body.groupIds ?? [], now: ctx.now() };
  const user = await create(ctx.db, input, async (tx, { user: created, status, groups }) => {
    const targets = userLogTargets(created);
    await audit(tx, ctx, "user.lifecycle.create", "Create user", targets, { status });
    if (activate) await audit(tx, ctx, "user.lifecycle.activate", "Activate user", targets, { status });
    if (status === "PROVISIONED") await issueActivation(tx, { user: recipientOf(created), sendEmail, orgUrl: ctx.orgUrl, now: ctx.now() });
    for (const group of groups) {
      await audit(tx, ctx, "group.user_membership.add", "Add user to group membership", [...targets, { id: group.id, type: "UserGroup", displayName: group.name }]);
    }
  });
  return userJson(ctx.orgUrl, user);
}
