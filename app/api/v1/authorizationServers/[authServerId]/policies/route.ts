import { adminRoutes } from "@/app/_http/admin-routes";
import { createPolicy } from "@/lib/admin/policies/create-policy";
import { listPolicies } from "@/lib/admin/policies/list-policies";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listPolicies, POST: createPolicy });
