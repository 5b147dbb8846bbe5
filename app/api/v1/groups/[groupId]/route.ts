import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteGroup } from "@/lib/admin/groups/delete-group";
import { getGroup } from "@/lib/admin/groups/get-group";
import { replaceGroup } from "@/lib/admin/groups/replace-group";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getGroup, PUT: replaceGroup, DELETE: deleteGroup });
