import { adminRoutes } from "@/app/_http/admin-routes";
import { grantAppScope } from "@/lib/admin/app-grants/grant-app-scope";
import { listAppGrants } from "@/lib/admin/app-grants/list-app-grants";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listAppGrants, POST: grantAppScope });
