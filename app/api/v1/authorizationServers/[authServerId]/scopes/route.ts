import { adminRoutes } from "@/app/_http/admin-routes";
import { createScope } from "@/lib/admin/scopes/create-scope";
import { listScopes } from "@/lib/admin/scopes/list-scopes";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listScopes, POST: createScope });
