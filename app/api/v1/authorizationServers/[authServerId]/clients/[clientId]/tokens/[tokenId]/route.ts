import { adminRoutes } from "@/app/_http/admin-routes";
import { getClientRefreshToken } from "@/lib/admin/clients/get-client-refresh-token";
import { revokeClientRefreshToken } from "@/lib/admin/clients/revoke-client-refresh-token";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getClientRefreshToken, DELETE: revokeClientRefreshToken });
