import { adminRoutes } from "@/app/_http/admin-routes";
import { listGroupMembers } from "@/lib/admin/groups/list-group-members";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listGroupMembers });
