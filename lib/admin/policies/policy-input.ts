import type { BodyOf } from "../../okta-api/parse-input";
import { z } from "zod";
import { ALL_CLIENTS } from "../../authorization-servers/policies/policy-conditions";

/** Keeps the first occurrence of each value, in order. */
export function dedupe(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export const nameField = z
  .string({ error: "The field cannot be left blank." })
  .trim()
  .min(1, "The field cannot be left blank.")
  .max(255, "At most 255 characters.");

export const statusField = z.enum(["ACTIVE", "INACTIVE"], { error: "Must be ACTIVE or INACTIVE." });

const PRIORITY_MESSAGE = "Must be a whole number of at least 1.";
export const priorityField = z.number({ error: PRIORITY_MESSAGE }).int(PRIORITY_MESSAGE).min(1, PRIORITY_MESSAGE);

const CLIENTS_REQUIRED = 'The field cannot be left blank; give ["ALL_CLIENTS"] or a list of client ids.';

const clientsInclude = z
  .array(z.string({ error: "Each client must be a client id." }).trim().min(1, "A client id cannot be blank."), { error: CLIENTS_REQUIRED })
  .min(1, CLIENTS_REQUIRED)
  .transform(dedupe)
  .refine((ids) => !ids.includes(ALL_CLIENTS) || ids.length === 1, "ALL_CLIENTS cannot be combined with client ids.");

/**
 * Create and replace bodies of an authorization server policy (spec: "Policies Object"). Read-only
 * properties that clients echo back (id, system, created, lastUpdated, _links) are ignored; null
 * counts as omitted.
 */
export const policyInput = z.object(
  {
    type: z.literal("OAUTH_AUTHORIZATION_POLICY", { error: "Must be OAUTH_AUTHORIZATION_POLICY." }).nullish(),
    name: nameField,
    description: z.string({ error: "Must be a string." }).max(1024, "At most 1024 characters.").nullish(),
    status: statusField.nullish(),
    priority: priorityField.nullish(),
    conditions: z.object(
      { clients: z.object({ include: clientsInclude }, { error: 'The field cannot be left blank; give {"include":["ALL_CLIENTS"]} or {"include":[<client ids>]}.' }) },
      { error: 'The field cannot be left blank; give {"clients":{"include":["ALL_CLIENTS"]}} or a list of client ids.' },
    ),
  },
  { error: "The request body must be a JSON object." },
);

export type PolicyInput = z.output<typeof policyInput>;
export type PolicyBody = BodyOf<typeof policyInput>;
