import type { Db } from "../db/create-db-client";
import type { User } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { saveUserChanges } from "./save-user-changes";
import { BLANK, userProfileInput } from "./user-profile-input";

/** Why a value was refused (the page says it in the user's language). */
export type ProfileFieldProblem = "blank" | "tooLong" | "invalid";

export type OwnProfileOutcome =
  | { ok: true; changed: string[]; user: User }
  | { ok: false; reason: "invalid"; problems: Record<string, ProfileFieldProblem> }
  /** the user is gone or no longer ACTIVE: nothing written */
  | { ok: false; reason: "gone" };

const asObject = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** The kind of problem of a Users API profile message (userProfileInput's wording). */
export function problemOf(message: string): ProfileFieldProblem {
  if (message === BLANK) return "blank";
  if (message.startsWith("At most")) return "tooLong";
  return "invalid";
}

/**
 * A signed-in user edits their own profile (My Account): only the attributes in `editable` (the org
 * setting selfServiceProfileAttributes) are taken from `values`, each trimmed ("" clears an
 * optional attribute); the merged profile must pass the Users API's rules (userProfileInput, the
 * same as POST /api/v1/users/:id). Nothing changed: nothing written or recorded. Otherwise
 * saveUserChanges writes it and `record` runs in its transaction. Only an ACTIVE user edits.
 */
export async function updateOwnProfile(
  db: Db,
  input: { userId: string; values: Readonly<Record<string, string>>; editable: readonly string[]; now: Date },
  record: RecordChange<{ user: User; changed: string[] }>,
): Promise<OwnProfileOutcome> {
  const user = await db.user.findUnique({ where: { id: input.userId } });
  if (!user || user.status !== "ACTIVE") return { ok: false, reason: "gone" };
  const stored = asObject(user.profile);
  const merged: Record<string, unknown> = { ...stored };
  const changed: string[] = [];
  for (const name of input.editable) {
    const sent = input.values[name];
    if (sent === undefined) continue;
    const value = sent.trim();
    const next = value === "" && name !== "firstName" && name !== "lastName" ? null : value;
    if ((stored[name] ?? null) === next) continue;
    merged[name] = next;
    changed.push(name);
  }
  const parsed = userProfileInput.safeParse(merged);
  if (!parsed.success) {
    const problems: Record<string, ProfileFieldProblem> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (input.editable.includes(field) && !problems[field]) problems[field] = problemOf(issue.message);
    }
    // a stored attribute the user cannot edit is wrong (written by hand): not theirs to fix
    if (Object.keys(problems).length === 0) throw new Error(`updateOwnProfile: the stored profile of ${user.id} does not pass the profile rules`);
    return { ok: false, reason: "invalid", problems };
  }
  if (changed.length === 0) return { ok: true, changed, user };
  const saved = await saveUserChanges(db, { user, profile: parsed.data, password: null, now: input.now }, (tx, written) => record(tx, { user: written, changed }));
  return { ok: true, changed, user: saved };
}
