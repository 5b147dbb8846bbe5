import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteApp } from "@/lib/admin/apps/delete-app";
import { getApp } from "@/lib/admin/apps/get-app";
import { replaceApp } from "@/lib/admin/apps/replace-app";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getApp, PUT: replaceApp, DELETE: deleteApp });
