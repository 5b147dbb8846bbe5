import { adminRoutes } from "@/app/_http/admin-routes";
import { createUser } from "@/lib/admin/users/create-user";
import { listUsers } from "@/lib/admin/users/list-users";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: listUsers, POST: createUser });
