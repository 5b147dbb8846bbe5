import { adminRoutes } from "@/app/_http/admin-routes";
import { addGroupMember } from "@/lib/admin/groups/add-group-member";
import { removeGroupMember } from "@/lib/admin/groups/remove-group-member";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ PUT: addGroupMember, DELETE: removeGroupMember });
