import { adminRoutes } from "@/app/_http/admin-routes";
import { getAuthorizationServerKey } from "@/lib/admin/keys/get-authorization-server-key";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getAuthorizationServerKey });
