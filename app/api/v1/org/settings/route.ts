import { adminRoutes } from "@/app/_http/admin-routes";
import { getOrgSettings } from "@/lib/admin/org-settings/get-org-settings";
import { updateOrgSettings } from "@/lib/admin/org-settings/update-org-settings";

export const { GET, POST, PUT, DELETE, PATCH } = adminRoutes({ GET: getOrgSettings, POST: updateOrgSettings });
