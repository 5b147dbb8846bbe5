import { adminRoutes } from "@/app/_http/admin-routes";
import { activateUser } from "@/lib/admin/users/activate-user";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: activateUser });
