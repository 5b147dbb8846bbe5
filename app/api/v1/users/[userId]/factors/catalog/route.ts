import { adminRoutes } from "@/app/_http/admin-routes";
import { listFactorCatalog } from "@/lib/admin/factors/list-factor-catalog";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listFactorCatalog });
