import { adminRoutes } from "@/app/_http/admin-routes";
import { revokeCurrentApiToken } from "@/lib/admin/api-tokens/revoke-api-token";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ DELETE: revokeCurrentApiToken });
