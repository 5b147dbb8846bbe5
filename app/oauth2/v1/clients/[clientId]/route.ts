import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteClient } from "@/lib/admin/dynamic-clients/delete-client";
import { getClient } from "@/lib/admin/dynamic-clients/get-client";
import { replaceClient } from "@/lib/admin/dynamic-clients/replace-client";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getClient, PUT: replaceClient, DELETE: deleteClient });
