import { oauthRoutes } from "@/app/_http/oauth-routes";
import { keysEndpoint } from "@/lib/oauth/keys/keys-endpoint";

export const { GET, OPTIONS } = oauthRoutes({ GET: keysEndpoint }, { cors: true });
