import { adminRoutes } from "@/app/_http/admin-routes";
import { activateFactor } from "@/lib/admin/factors/activate-factor";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: activateFactor });
