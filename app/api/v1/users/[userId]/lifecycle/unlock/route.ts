import { adminRoutes } from "@/app/_http/admin-routes";
import { unlockUser } from "@/lib/admin/users/unlock-user";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: unlockUser });
