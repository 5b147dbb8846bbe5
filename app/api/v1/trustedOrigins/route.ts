import { adminRoutes } from "@/app/_http/admin-routes";
import { createTrustedOrigin } from "@/lib/admin/trusted-origins/create-trusted-origin";
import { listTrustedOrigins } from "@/lib/admin/trusted-origins/list-trusted-origins";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listTrustedOrigins, POST: createTrustedOrigin });
