import { adminRoutes } from "@/app/_http/admin-routes";
import { getBrandTheme } from "@/lib/admin/brands/get-brand-theme";
import { replaceBrandTheme } from "@/lib/admin/brands/replace-brand-theme";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getBrandTheme, PUT: replaceBrandTheme });
