import { adminRoutes } from "@/app/_http/admin-routes";
import { listGroupApps } from "@/lib/admin/groups/list-group-apps";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listGroupApps });
