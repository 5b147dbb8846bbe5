import { adminRoutes } from "@/app/_http/admin-routes";
import { assignUserToApp } from "@/lib/admin/app-assignments/assign-user-to-app";
import { listAppUsers } from "@/lib/admin/app-assignments/list-app-users";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listAppUsers, POST: assignUserToApp });
