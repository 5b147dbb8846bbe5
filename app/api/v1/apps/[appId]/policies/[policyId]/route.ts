import { adminRoutes } from "@/app/_http/admin-routes";
import { assignAppAccessPolicyEndpoint } from "@/lib/admin/apps/assign-app-access-policy";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ PUT: assignAppAccessPolicyEndpoint });
