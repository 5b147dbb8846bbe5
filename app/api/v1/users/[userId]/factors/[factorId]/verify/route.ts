import { adminRoutes } from "@/app/_http/admin-routes";
import { verifyFactor } from "@/lib/admin/factors/verify-factor";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: verifyFactor });
