import { adminRoutes } from "@/app/_http/admin-routes";
import { createApp } from "@/lib/admin/apps/create-app";
import { listApps } from "@/lib/admin/apps/list-apps";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listApps, POST: createApp });
