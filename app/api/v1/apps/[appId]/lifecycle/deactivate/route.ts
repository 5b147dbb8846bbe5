import { adminRoutes } from "@/app/_http/admin-routes";
import { deactivateApp } from "@/lib/admin/apps/set-app-status";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: deactivateApp });
