import { hostedRoutes } from "@/app/_http/hosted-routes";
import { orgServerRoutes } from "@/app/_http/org-server-routes";
import { logoutEndpoint } from "@/lib/oauth/logout/logout-endpoint";

// A browser navigation: the hosted pipeline (HTML 503 page when the database is unavailable).
export const { GET, POST } = orgServerRoutes(hostedRoutes({ GET: logoutEndpoint, POST: logoutEndpoint }));
