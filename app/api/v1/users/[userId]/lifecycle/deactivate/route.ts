import { adminRoutes } from "@/app/_http/admin-routes";
import { deactivateUser } from "@/lib/admin/users/deactivate-user";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: deactivateUser });
