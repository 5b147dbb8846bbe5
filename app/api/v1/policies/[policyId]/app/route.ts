import { adminRoutes } from "@/app/_http/admin-routes";
import { listPolicyAppsEndpoint } from "@/lib/admin/org-policies/list-policy-apps";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listPolicyAppsEndpoint });
