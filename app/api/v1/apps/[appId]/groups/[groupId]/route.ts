import { adminRoutes } from "@/app/_http/admin-routes";
import { assignGroupToApp } from "@/lib/admin/app-assignments/assign-group-to-app";
import { getAppGroup } from "@/lib/admin/app-assignments/get-app-group";
import { unassignGroupFromApp } from "@/lib/admin/app-assignments/unassign-group-from-app";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getAppGroup, PUT: assignGroupToApp, DELETE: unassignGroupFromApp });
