import { adminRoutes } from "@/app/_http/admin-routes";
import { createPolicyRule } from "@/lib/admin/policy-rules/create-policy-rule";
import { listPolicyRules } from "@/lib/admin/policy-rules/list-policy-rules";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listPolicyRules, POST: createPolicyRule });
