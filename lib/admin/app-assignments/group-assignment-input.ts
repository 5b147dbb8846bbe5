import type { BodyOf } from "../../okta-api/parse-input";
import { z } from "zod";

/** PUT /api/v1/apps/:appId/groups/:groupId body (optional): {priority?, profile?}. */
export const groupAssignmentInput = z.object({
  priority: z
    .number({ error: "priority must be a whole number from 0 to 100000." })
    .int("priority must be a whole number from 0 to 100000.")
    .min(0, "priority must be a whole number from 0 to 100000.")
    .max(100_000, "priority must be a whole number from 0 to 100000.")
    .nullish(),
  profile: z.record(z.string(), z.unknown(), { error: "Must be a JSON object." }).nullish(),
});

export type GroupAssignmentBody = BodyOf<typeof groupAssignmentInput>;
