import { adminRoutes } from "@/app/_http/admin-routes";
import { getBrand } from "@/lib/admin/brands/get-brand";
import { replaceBrand } from "@/lib/admin/brands/replace-brand";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getBrand, PUT: replaceBrand });
