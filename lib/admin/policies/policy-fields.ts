import type { PolicyFields } from "../../authorization-servers/policies/policy-fields";
import type { PolicyInput } from "./policy-input";

/** The parsed body as the domain writes it. */
export function policyFields(input: PolicyInput): PolicyFields {
  return {
    name: input.name,
    description: input.description ?? null,
    status: input.status ?? null,
    priority: input.priority ?? null,
    clientsInclude: input.conditions.clients.include,
  };
}
