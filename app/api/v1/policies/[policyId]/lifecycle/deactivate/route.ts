import { adminRoutes } from "@/app/_http/admin-routes";
import { deactivateOrgPolicyEndpoint } from "@/lib/admin/org-policies/set-org-policy-status";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: deactivateOrgPolicyEndpoint });
