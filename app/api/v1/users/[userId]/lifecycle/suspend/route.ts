import { adminRoutes } from "@/app/_http/admin-routes";
import { suspendUser } from "@/lib/admin/users/suspend-user";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: suspendUser });
