import { unknownAdminRoutes } from "@/app/_http/admin-routes";

export const { GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS } = unknownAdminRoutes();
