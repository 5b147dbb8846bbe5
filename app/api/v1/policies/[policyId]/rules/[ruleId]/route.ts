import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteOrgPolicyRuleEndpoint } from "@/lib/admin/org-policies/delete-org-policy-rule";
import { getOrgPolicyRuleEndpoint } from "@/lib/admin/org-policies/get-org-policy-rule";
import { replaceOrgPolicyRuleEndpoint } from "@/lib/admin/org-policies/replace-org-policy-rule";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getOrgPolicyRuleEndpoint, PUT: replaceOrgPolicyRuleEndpoint, DELETE: deleteOrgPolicyRuleEndpoint });
