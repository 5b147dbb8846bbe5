import { adminRoutes } from "@/app/_http/admin-routes";
import { createAuthorizationServer } from "@/lib/admin/authorization-servers/create-authorization-server";
import { listAuthorizationServers } from "@/lib/admin/authorization-servers/list-authorization-servers";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listAuthorizationServers, POST: createAuthorizationServer });
