import type { DbTx } from "../../db/create-db-client";
import { asJson } from "../../db/as-json";
import { newId } from "../../ids/new-id";
import { hashPassword } from "../../passwords/hash-password";
import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { assertLoginFree } from "./assert-login-free";
import { prismaErrorCode } from "../../db/prisma-error-code";
import { readBooleanParam } from "./read-boolean-param";
import { assertPasswordPolicy, duplicateLoginError } from "./user-errors";
import { type CreateUserBody, createUserInput, userProfileInput } from "./user-input";
import { userJson } from "./user-json";
import { userLogTargets } from "./user-log-targets";

/**
 * POST /api/v1/users?activate=true|false -> 200 (SDK createUser). Status, as Okta: activate=false
 * -> STAGED; activate=true (the default) -> ACTIVE with a password, PROVISIONED without one.
 * Checks, in order: body and profile (E0000001 per field), login free (ignoring case), password
 * policy, groupIds (existing OKTA_GROUP groups). The password is hashed (argon2id) and never
 * stored, logged or returned.
 */
export async function createUser(ctx: AdminContext): Promise<AdminResponse> {
  const request = () => ({ activate: readBooleanParam(ctx.request.url, "activate", true), body: readJsonBody<CreateUserBody>(ctx.request) });
  return { status: 200, body: await runCreateUser(ctx, request) };
}

/** createUser as a typed operation. */
export async function runCreateUser(ctx: OperationContext, request: Deferred<{ activate: boolean; body: CreateUserBody }>) {
  const { activate, body: raw } = request();
  const body = parseInput(createUserInput, raw, "user");
  const profile = parseInput(userProfileInput, body.profile, "profile");
  const password = body.credentials?.password?.value ?? null;
  await assertLoginFree(ctx.db, profile.login, null);
  if (password !== null) assertPasswordPolicy(password, profile.login);
  const groupIds = [...new Set(body.groupIds ?? [])];
  const groups = await findAssignableGroups(ctx.db, groupIds);
  const passwordHash = password === null ? null : await hashPassword(password);

  const now = ctx.now();
  const status = !activate ? "STAGED" : passwordHash ? "ACTIVE" : "PROVISIONED";
  let user;
  try {
    user = await ctx.db.$transaction(async (tx) => {
      await assertLoginFree(tx, profile.login, null);
      const created = await tx.user.create({
        data: {
          id: newId("user"),
          status,
          login: profile.login,
          loginLower: profile.login.toLowerCase(),
          email: profile.email,
          emailLower: profile.email.toLowerCase(),
          profile: asJson(profile),
          passwordHash,
          passwordChanged: passwordHash ? now : null,
          created: now,
          activated: activate ? now : null,
          statusChanged: activate ? now : null,
          lastUpdated: now,
        },
      });
      await addMemberships(tx, created.id, groupIds, now);
      const targets = userLogTargets(created);
      await audit(tx, ctx, "user.lifecycle.create", "Create Okta user", targets, { status });
      if (activate) await audit(tx, ctx, "user.lifecycle.activate", "Activate Okta user", targets, { status });
      for (const group of groups) {
        await audit(tx, ctx, "group.user_membership.add", "Add user to group membership", [...targets, { id: group.id, type: "UserGroup", displayName: group.name }]);
      }
      return created;
    });
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2002") throw duplicateLoginError();
    if (code === "P2003" || code === "P2025") throw validationError("groupIds", ["groupIds: A group was deleted while this request ran; send the request again."]);
    throw error;
  }
  return userJson(ctx.orgUrl, user);
}

/** groupIds must name existing groups of type OKTA_GROUP (Everyone already holds every user). */
async function findAssignableGroups(db: OperationContext["db"], groupIds: string[]): Promise<Array<{ id: string; name: string }>> {
  if (!groupIds.length) return [];
  const groups = await db.group.findMany({ where: { id: { in: groupIds } }, select: { id: true, type: true, name: true } });
  const causes: string[] = [];
  for (const id of groupIds) {
    const group = groups.find((g) => g.id === id);
    if (!group) causes.push(`groupIds: No group has the id ${id}.`);
    else if (group.type !== "OKTA_GROUP") causes.push(`groupIds: ${id} is the built-in group ${group.name}, which holds every user already; it takes no explicit members.`);
  }
  if (causes.length) throw validationError("groupIds", causes);
  return groupIds.map((id) => groups.find((g) => g.id === id)!);
}

async function addMemberships(tx: DbTx, userId: string, groupIds: string[], now: Date): Promise<void> {
  for (const groupId of groupIds) {
    await tx.groupMembership.create({ data: { groupId, userId, created: now } });
    const group = await tx.group.findUniqueOrThrow({ where: { id: groupId }, select: { lastUpdated: true } });
    // lastUpdated is the group profile's time: keep it (Prisma would otherwise stamp the wall clock).
    await tx.group.update({ where: { id: groupId }, data: { lastMembershipUpdated: now, lastUpdated: group.lastUpdated } });
  }
}
