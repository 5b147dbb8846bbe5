import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteScope } from "@/lib/admin/scopes/delete-scope";
import { getScope } from "@/lib/admin/scopes/get-scope";
import { replaceScope } from "@/lib/admin/scopes/replace-scope";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getScope, PUT: replaceScope, DELETE: deleteScope });
