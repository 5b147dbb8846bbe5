import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteAuthorizationServer } from "@/lib/admin/authorization-servers/delete-authorization-server";
import { getAuthorizationServer } from "@/lib/admin/authorization-servers/get-authorization-server";
import { replaceAuthorizationServer } from "@/lib/admin/authorization-servers/replace-authorization-server";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getAuthorizationServer, PUT: replaceAuthorizationServer, DELETE: deleteAuthorizationServer });
