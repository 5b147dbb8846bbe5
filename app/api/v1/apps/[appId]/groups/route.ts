import { adminRoutes } from "@/app/_http/admin-routes";
import { listAppGroups } from "@/lib/admin/app-assignments/list-app-groups";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listAppGroups });
