import { adminRoutes } from "@/app/_http/admin-routes";
import { createOrgPolicyEndpoint } from "@/lib/admin/org-policies/create-org-policy";
import { listOrgPoliciesEndpoint } from "@/lib/admin/org-policies/list-org-policies";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listOrgPoliciesEndpoint, POST: createOrgPolicyEndpoint });
