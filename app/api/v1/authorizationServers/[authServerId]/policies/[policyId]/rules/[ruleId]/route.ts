import { adminRoutes } from "@/app/_http/admin-routes";
import { deletePolicyRule } from "@/lib/admin/policy-rules/delete-policy-rule";
import { getPolicyRule } from "@/lib/admin/policy-rules/get-policy-rule";
import { replacePolicyRule } from "@/lib/admin/policy-rules/replace-policy-rule";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getPolicyRule, PUT: replacePolicyRule, DELETE: deletePolicyRule });
