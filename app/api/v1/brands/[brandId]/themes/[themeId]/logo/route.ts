import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteThemeLogo } from "@/lib/admin/brands/delete-theme-image";
import { uploadThemeLogo } from "@/lib/admin/brands/upload-theme-image";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: uploadThemeLogo, DELETE: deleteThemeLogo }, { uploads: true });
