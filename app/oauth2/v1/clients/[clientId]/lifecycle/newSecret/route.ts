import { adminRoutes } from "@/app/_http/admin-routes";
import { renewClientSecret } from "@/lib/admin/dynamic-clients/renew-client-secret";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: renewClientSecret });
