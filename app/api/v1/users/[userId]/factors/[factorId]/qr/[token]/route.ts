import { adminRoutes } from "@/app/_http/admin-routes";
import { getFactorQrCode } from "@/lib/admin/factors/get-factor-qr-code";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getFactorQrCode });
