import { adminRoutes } from "@/app/_http/admin-routes";
import { listBrandThemes } from "@/lib/admin/brands/list-brand-themes";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listBrandThemes });
