import { adminRoutes } from "@/app/_http/admin-routes";
import { rotateAuthorizationServerKeys } from "@/lib/admin/keys/rotate-authorization-server-keys";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: rotateAuthorizationServerKeys });
