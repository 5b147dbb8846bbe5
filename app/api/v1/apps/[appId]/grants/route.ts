import { adminRoutes } from "@/app/_http/admin-routes";
import { grantAppScope, listAppGrants } from "@/lib/admin/app-grants/app-grant-operations";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listAppGrants, POST: grantAppScope });
