import { oauthRoutes } from "@/app/_http/oauth-routes";
import { userinfoEndpoint } from "@/lib/oauth/userinfo/userinfo-endpoint";

export const { GET, POST, OPTIONS } = oauthRoutes({ GET: userinfoEndpoint, POST: userinfoEndpoint }, { cors: true, noStore: true });
