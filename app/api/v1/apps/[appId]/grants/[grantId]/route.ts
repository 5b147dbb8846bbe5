import { adminRoutes } from "@/app/_http/admin-routes";
import { getAppGrant } from "@/lib/admin/app-grants/get-app-grant";
import { revokeAppGrant } from "@/lib/admin/app-grants/revoke-app-grant";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getAppGrant, DELETE: revokeAppGrant });
