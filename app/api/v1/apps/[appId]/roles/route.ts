import { adminRoutes } from "@/app/_http/admin-routes";
import { appRoles } from "@/lib/admin/roles/role-operations";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: appRoles.list, POST: appRoles.assign });
