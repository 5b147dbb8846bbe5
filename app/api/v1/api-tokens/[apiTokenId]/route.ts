import { adminRoutes } from "@/app/_http/admin-routes";
import { getApiToken } from "@/lib/admin/api-tokens/get-api-token";
import { revokeApiToken } from "@/lib/admin/api-tokens/revoke-api-token";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getApiToken, DELETE: revokeApiToken });
