import { adminRoutes } from "@/app/_http/admin-routes";
import { deactivatePolicy } from "@/lib/admin/policies/set-policy-status";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: deactivatePolicy });
