import { adminRoutes } from "@/app/_http/admin-routes";
import { deleteThemeBackgroundImage } from "@/lib/admin/brands/delete-theme-image";
import { uploadThemeBackgroundImage } from "@/lib/admin/brands/upload-theme-image";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ POST: uploadThemeBackgroundImage, DELETE: deleteThemeBackgroundImage }, { uploads: true });
