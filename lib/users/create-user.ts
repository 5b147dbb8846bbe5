import type { Db, DbTx } from "../db/create-db-client";
import { asJson } from "../db/as-json";
import type { User } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { newId } from "../ids/new-id";
import { validationError } from "../okta-api/admin-api-error";
import { hashPassword } from "../passwords/hash-password";
import { assertLoginFree } from "./assert-login-free";
import { assertPasswordPolicy, duplicateLoginError } from "./user-errors";
import type { UserProfileToStore } from "./user-profile";

export type NewUser = {
  profile: UserProfileToStore;
  /** null: no password (an activated user is then PROVISIONED) */
  password: string | null;
  /** false: STAGED */
  activate: boolean;
  /** explicit groups to add the user to (existing OKTA_GROUP groups) */
  groupIds: string[];
  now: Date;
};

/** What a creation records: the user, its status, and the groups it was added to (in the order asked). */
export type UserCreation = { user: User; status: string; groups: Array<{ id: string; name: string }> };

/**
 * Creates a user. Status, as Okta: activate=false -> STAGED; activate=true -> ACTIVE with a
 * password, PROVISIONED without one. Checks, in order: login free (ignoring case), password policy,
 * groupIds (existing OKTA_GROUP groups), each E0000001. The password is hashed (argon2id) and never
 * stored or logged. A login taken or a group deleted meanwhile: E0000001.
 */
export async function createUser(db: Db, input: NewUser, record: RecordChange<UserCreation>): Promise<User> {
  const { profile, password, activate, now } = input;
  await assertLoginFree(db, profile.login, null);
  if (password !== null) assertPasswordPolicy(password, profile.login);
  const groupIds = [...new Set(input.groupIds)];
  const groups = await findAssignableGroups(db, groupIds);
  const passwordHash = password === null ? null : await hashPassword(password);

  const status = !activate ? "STAGED" : passwordHash ? "ACTIVE" : "PROVISIONED";
  try {
    return await db.$transaction(async (tx) => {
      await assertLoginFree(tx, profile.login, null);
      const created = await tx.user.create({ data: newUserRow({ profile, status, passwordHash, now, activated: activate ? now : null, statusChanged: activate ? now : null }) });
      await addMemberships(tx, created.id, groupIds, now);
      await record(tx, { user: created, status, groups });
      return created;
    });
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2002") throw duplicateLoginError();
    if (code === "P2003" || code === "P2025") throw validationError("groupIds", ["groupIds: A group was deleted while this request ran; send the request again."]);
    throw error;
  }
}

/** A new user's row: a new id, the login and email with their lower-cased lookup keys, the profile, the password hash (changed now when there is one). */
export function newUserRow(input: { profile: UserProfileToStore; status: string; passwordHash: string | null; now: Date; activated: Date | null; statusChanged: Date | null }) {
  const { profile, passwordHash, now } = input;
  return {
    id: newId("user"),
    status: input.status,
    login: profile.login,
    loginLower: profile.login.toLowerCase(),
    email: profile.email,
    emailLower: profile.email.toLowerCase(),
    profile: asJson(profile),
    passwordHash,
    passwordChanged: passwordHash ? now : null,
    created: now,
    activated: input.activated,
    statusChanged: input.statusChanged,
    lastUpdated: now,
  };
}

/** groupIds must name existing groups of type OKTA_GROUP (Everyone already holds every user). */
async function findAssignableGroups(db: Db, groupIds: string[]): Promise<Array<{ id: string; name: string }>> {
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
