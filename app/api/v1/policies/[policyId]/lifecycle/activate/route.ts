import { adminRoutes } from "@/app/_http/admin-routes";
import { activateOrgPolicyEndpoint } from "@/lib/admin/org-policies/set-org-policy-status";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: activateOrgPolicyEndpoint });
