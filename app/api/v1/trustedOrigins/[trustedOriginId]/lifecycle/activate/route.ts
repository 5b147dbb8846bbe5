import { adminRoutes } from "@/app/_http/admin-routes";
import { activateTrustedOrigin } from "@/lib/admin/trusted-origins/set-trusted-origin-status";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: activateTrustedOrigin });
