import { adminRoutes } from "@/app/_http/admin-routes";
import { createNetworkZone } from "@/lib/admin/network-zones/create-network-zone";
import { listNetworkZones } from "@/lib/admin/network-zones/list-network-zones";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listNetworkZones, POST: createNetworkZone });
