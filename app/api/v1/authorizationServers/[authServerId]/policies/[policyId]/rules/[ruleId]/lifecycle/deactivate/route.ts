import { adminRoutes } from "@/app/_http/admin-routes";
import { deactivatePolicyRule } from "@/lib/admin/policy-rules/set-policy-rule-status";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: deactivatePolicyRule });
