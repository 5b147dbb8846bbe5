import { adminRoutes } from "@/app/_http/admin-routes";
import { getAppGrant, revokeAppGrant } from "@/lib/admin/app-grants/app-grant-operations";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getAppGrant, DELETE: revokeAppGrant });
