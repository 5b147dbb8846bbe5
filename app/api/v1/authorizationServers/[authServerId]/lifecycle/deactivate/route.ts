import { adminRoutes } from "@/app/_http/admin-routes";
import { deactivateAuthorizationServer } from "@/lib/admin/authorization-servers/set-authorization-server-status";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: deactivateAuthorizationServer });
