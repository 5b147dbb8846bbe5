import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteAppClientSecret } from "@/lib/admin/apps/client-secrets/delete-app-client-secret";
import { getAppClientSecret } from "@/lib/admin/apps/client-secrets/get-app-client-secret";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getAppClientSecret, DELETE: deleteAppClientSecret });
