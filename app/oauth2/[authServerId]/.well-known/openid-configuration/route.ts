import { oauthRoutes } from "@/app/_http/oauth-routes";
import { discoveryEndpoint } from "@/lib/oauth/discovery/discovery-endpoint";

export const { GET, OPTIONS } = oauthRoutes({ GET: discoveryEndpoint("openid-configuration") }, { cors: true });
