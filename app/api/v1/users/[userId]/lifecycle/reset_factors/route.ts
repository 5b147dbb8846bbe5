import { adminRoutes } from "@/app/_http/admin-routes";
import { resetFactors } from "@/lib/admin/factors/reset-factors";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: resetFactors });
