import { adminRoutes } from "@/app/_http/admin-routes";
import { listSystemLogEvents } from "@/lib/admin/system-log/list-system-log-events";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listSystemLogEvents });
