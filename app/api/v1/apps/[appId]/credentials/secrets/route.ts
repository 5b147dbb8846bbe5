import { adminRoutes } from "@/app/_http/admin-routes";
import { createAppClientSecret } from "@/lib/admin/apps/client-secrets/create-app-client-secret";
import { listAppClientSecrets } from "@/lib/admin/apps/client-secrets/list-app-client-secrets";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listAppClientSecrets, POST: createAppClientSecret });
