import { adminRoutes } from "@/app/_http/admin-routes";
import { listUserGroups } from "@/lib/admin/users/list-user-groups";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listUserGroups });
