import { adminRoutes } from "@/app/_http/admin-routes";
import { deletePolicy } from "@/lib/admin/policies/delete-policy";
import { getPolicy } from "@/lib/admin/policies/get-policy";
import { replacePolicy } from "@/lib/admin/policies/replace-policy";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getPolicy, PUT: replacePolicy, DELETE: deletePolicy });
