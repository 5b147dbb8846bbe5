import { adminRoutes } from "@/app/_http/admin-routes";
import { expireUserPassword } from "@/lib/admin/users/expire-user-password";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: expireUserPassword });
