import { adminRoutes } from "@/app/_http/admin-routes";
import { createOrgPolicyRuleEndpoint } from "@/lib/admin/org-policies/create-org-policy-rule";
import { listOrgPolicyRulesEndpoint } from "@/lib/admin/org-policies/list-org-policy-rules";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listOrgPolicyRulesEndpoint, POST: createOrgPolicyRuleEndpoint });
