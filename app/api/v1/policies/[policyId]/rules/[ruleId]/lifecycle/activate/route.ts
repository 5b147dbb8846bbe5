import { adminRoutes } from "@/app/_http/admin-routes";
import { activateOrgPolicyRuleEndpoint } from "@/lib/admin/org-policies/set-org-policy-rule-status";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: activateOrgPolicyRuleEndpoint });
