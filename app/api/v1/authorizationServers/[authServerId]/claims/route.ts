import { adminRoutes } from "@/app/_http/admin-routes";
import { createClaim } from "@/lib/admin/claims/create-claim";
import { listClaims } from "@/lib/admin/claims/list-claims";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listClaims, POST: createClaim });
