import { adminRoutes } from "@/app/_http/admin-routes";
import { activateNetworkZone } from "@/lib/admin/network-zones/set-network-zone-status";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: activateNetworkZone });
