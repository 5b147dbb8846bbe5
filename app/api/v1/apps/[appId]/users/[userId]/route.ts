import { adminRoutes } from "@/app/_http/admin-routes";
import { getAppUser } from "@/lib/admin/app-assignments/get-app-user";
import { unassignUserFromApp } from "@/lib/admin/app-assignments/unassign-user-from-app";
import { updateAppUser } from "@/lib/admin/app-assignments/update-app-user";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getAppUser, POST: updateAppUser, DELETE: unassignUserFromApp });
