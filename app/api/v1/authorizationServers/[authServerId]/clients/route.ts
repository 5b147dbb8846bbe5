import { adminRoutes } from "@/app/_http/admin-routes";
import { listAuthorizationServerClients } from "@/lib/admin/clients/list-authorization-server-clients";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listAuthorizationServerClients });
