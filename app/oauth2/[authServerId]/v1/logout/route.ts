import { oauthRoutes } from "@/app/_http/oauth-routes";
import { logoutEndpoint } from "@/lib/oauth/logout/logout-endpoint";

export const { GET, POST } = oauthRoutes({ GET: logoutEndpoint, POST: logoutEndpoint });
