import type { BodyOf } from "../../okta-api/parse-input";
import { z } from "zod";
import { DEFAULT_USER_TYPE_ID } from "../../users/default-user-type";
import { BLANK } from "../../users/user-profile-input";

export { isEmailLike, MAX_CUSTOM_ARRAY, MAX_CUSTOM_ATTRIBUTES, MAX_CUSTOM_TEXT, userProfileInput, type UserProfile } from "../../users/user-profile-input";

const passwordCredential = z
  .object(
    {
      /** write-only; null or absent: no password given */
      value: z.string({ error: "Must be a string." }).nullish(),
      hash: z.undefined({ error: "Importing password hashes is not supported; send the password itself as credentials.password.value." }).optional(),
      hook: z.undefined({ error: "Password import hooks are not supported; send the password itself as credentials.password.value." }).optional(),
    },
    { error: "Must be an object, e.g. {\"value\": \"...\"}." },
  )
  .nullish();

const credentials = z
  .object(
    {
      password: passwordCredential,
      recovery_question: z.undefined({ error: "Recovery questions are not supported." }).optional(),
      /** read-only (always OKTA): ignored when a client echoes it back */
      provider: z.unknown().optional(),
    },
    { error: "Must be an object." },
  )
  .nullish();

const userType = z
  .object({ id: z.literal(DEFAULT_USER_TYPE_ID, { error: `Only the default user type ${DEFAULT_USER_TYPE_ID} exists.` }).optional() }, { error: "Must be an object." })
  .nullish();

/** A profile as sent: checked whole by userProfileInput once it is complete (after a merge, for POST). */
const profileObject = z.record(z.string(), z.unknown(), { error: BLANK });

const envelope = { credentials, type: userType };
const BODY_ERROR = "The request body must be a JSON object with a profile.";

/**
 * POST /api/v1/users. Read-only properties clients echo back (id, status, _links, ...) are ignored.
 * `groupIds`: explicit groups to add the new user to.
 */
export const createUserInput = z.object(
  {
    ...envelope,
    profile: profileObject,
    groupIds: z
      .array(z.string({ error: "Each group id must be a string." }).min(1, "A group id cannot be blank.").max(64, "A group id is at most 64 characters."), {
        error: "Must be an array of group ids.",
      })
      .max(100, "At most 100 groups.")
      .optional(),
  },
  { error: BODY_ERROR },
);

/** PUT /api/v1/users/:userId: the whole profile (unsent attributes are removed); credentials optional. */
export const replaceUserInput = z.object({ ...envelope, profile: profileObject }, { error: BODY_ERROR });

/** POST /api/v1/users/:userId: profile attributes to change (merged) and/or a new password. */
export const updateUserInput = z.object({ ...envelope, profile: profileObject.optional() }, { error: "The request body must be a JSON object." });

export type CreateUserBody = BodyOf<typeof createUserInput>;
export type UpdateUserBody = BodyOf<typeof updateUserInput>;
