import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteFactor } from "@/lib/admin/factors/delete-factor";
import { getFactor } from "@/lib/admin/factors/get-factor";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getFactor, DELETE: deleteFactor });
