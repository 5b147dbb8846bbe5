import { adminRoutes } from "@/app/_http/admin-routes";
import { userRoles } from "@/lib/admin/roles/role-operations";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: userRoles.get, DELETE: userRoles.unassign });
