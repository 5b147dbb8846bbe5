import { adminRoutes } from "@/app/_http/admin-routes";
import { createGroup } from "@/lib/admin/groups/create-group";
import { listGroups } from "@/lib/admin/groups/list-groups";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listGroups, POST: createGroup });
