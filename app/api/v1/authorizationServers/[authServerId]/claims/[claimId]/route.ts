import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteClaim } from "@/lib/admin/claims/delete-claim";
import { getClaim } from "@/lib/admin/claims/get-claim";
import { replaceClaim } from "@/lib/admin/claims/replace-claim";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getClaim, PUT: replaceClaim, DELETE: deleteClaim });
