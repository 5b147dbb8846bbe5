import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteNetworkZone } from "@/lib/admin/network-zones/delete-network-zone";
import { getNetworkZone } from "@/lib/admin/network-zones/get-network-zone";
import { replaceNetworkZone } from "@/lib/admin/network-zones/replace-network-zone";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getNetworkZone, PUT: replaceNetworkZone, DELETE: deleteNetworkZone });
