import { adminRoutes } from "@/app/_http/admin-routes";
import { listClients } from "@/lib/admin/dynamic-clients/list-clients";
import { registerClient } from "@/lib/admin/dynamic-clients/register-client";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listClients, POST: registerClient });
