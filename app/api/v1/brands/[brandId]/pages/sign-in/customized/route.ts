import { adminRoutes } from "@/app/_http/admin-routes";
import { getSignInPage, replaceSignInPage, resetSignInPage } from "@/lib/admin/brands/sign-in-page";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getSignInPage, PUT: replaceSignInPage, DELETE: resetSignInPage });
