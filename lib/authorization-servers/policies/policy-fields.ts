import type { PolicyRuleConditions } from "./policy-conditions";

/** An access policy's properties as a create or replace writes them. A null status keeps the current one (ACTIVE for a new policy); a null priority places it last. */
export type PolicyFields = {
  name: string;
  description: string | null;
  status: "ACTIVE" | "INACTIVE" | null;
  priority: number | null;
  clientsInclude: string[];
};

/** A policy rule's properties as a create or replace writes them (status and priority as for a policy). */
export type PolicyRuleFields = {
  name: string;
  status: "ACTIVE" | "INACTIVE" | null;
  priority: number | null;
  conditions: PolicyRuleConditions;
  token: { accessTokenLifetimeMinutes: number; refreshTokenLifetimeMinutes: number; refreshTokenWindowMinutes: number; inlineHook: Record<string, unknown> | null };
};
