import { oauthRoutes } from "@/app/_http/oauth-routes";
import { tokenEndpoint } from "@/lib/oauth/token/token-endpoint";

export const { POST, OPTIONS } = oauthRoutes({ POST: tokenEndpoint }, { cors: true, noStore: true });
