import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteUser } from "@/lib/admin/users/delete-user";
import { getUser } from "@/lib/admin/users/get-user";
import { replaceUser } from "@/lib/admin/users/replace-user";
import { updateUser } from "@/lib/admin/users/update-user";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getUser, POST: updateUser, PUT: replaceUser, DELETE: deleteUser });
