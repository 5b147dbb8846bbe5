import { adminRoutes } from "@/app/_http/admin-routes";
import { listApiTokens } from "@/lib/admin/api-tokens/list-api-tokens";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listApiTokens });
