import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteTrustedOrigin } from "@/lib/admin/trusted-origins/delete-trusted-origin";
import { getTrustedOrigin } from "@/lib/admin/trusted-origins/get-trusted-origin";
import { replaceTrustedOrigin } from "@/lib/admin/trusted-origins/replace-trusted-origin";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getTrustedOrigin, PUT: replaceTrustedOrigin, DELETE: deleteTrustedOrigin });
