import { adminRoutes } from "@/app/_http/admin-routes";
import { reactivateUser } from "@/lib/admin/users/reactivate-user";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: reactivateUser });
