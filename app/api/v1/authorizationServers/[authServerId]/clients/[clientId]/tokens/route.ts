import { adminRoutes } from "@/app/_http/admin-routes";
import { listClientRefreshTokens } from "@/lib/admin/clients/list-client-refresh-tokens";
import { revokeClientRefreshTokens } from "@/lib/admin/clients/revoke-client-refresh-tokens";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listClientRefreshTokens, DELETE: revokeClientRefreshTokens });
