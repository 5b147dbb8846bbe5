import { adminRoutes } from "@/app/_http/admin-routes";
import { enrollFactor } from "@/lib/admin/factors/enroll-factor";
import { listFactors } from "@/lib/admin/factors/list-factors";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listFactors, POST: enrollFactor });
