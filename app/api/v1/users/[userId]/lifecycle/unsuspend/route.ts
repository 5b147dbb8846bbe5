import { adminRoutes } from "@/app/_http/admin-routes";
import { unsuspendUser } from "@/lib/admin/users/unsuspend-user";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: unsuspendUser });
