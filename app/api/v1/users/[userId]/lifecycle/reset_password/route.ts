import { adminRoutes } from "@/app/_http/admin-routes";
import { resetUserPassword } from "@/lib/admin/users/reset-user-password";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: resetUserPassword });
