import { adminRoutes } from "@/app/_http/admin-routes";
import { activateApp } from "@/lib/admin/apps/set-app-status";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: activateApp });
