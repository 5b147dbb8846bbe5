import { adminRoutes } from "@/app/_http/admin-routes";
import { listBrands } from "@/lib/admin/brands/list-brands";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listBrands });
