import { adminRoutes } from "@/app/_http/admin-routes";
import { deactivateAppClientSecret } from "@/lib/admin/apps/client-secrets/set-app-client-secret-status";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: deactivateAppClientSecret });
