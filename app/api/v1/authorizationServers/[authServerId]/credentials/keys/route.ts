import { adminRoutes } from "@/app/_http/admin-routes";
import { listAuthorizationServerKeys } from "@/lib/admin/keys/list-authorization-server-keys";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listAuthorizationServerKeys });
