import { adminRoutes } from "@/app/_http/admin-routes";
import { groupRoles } from "@/lib/admin/roles/role-operations";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: groupRoles.list, POST: groupRoles.assign });
