import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteOrgPolicyEndpoint } from "@/lib/admin/org-policies/delete-org-policy";
import { getOrgPolicyEndpoint } from "@/lib/admin/org-policies/get-org-policy";
import { replaceOrgPolicyEndpoint } from "@/lib/admin/org-policies/replace-org-policy";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getOrgPolicyEndpoint, PUT: replaceOrgPolicyEndpoint, DELETE: deleteOrgPolicyEndpoint });
