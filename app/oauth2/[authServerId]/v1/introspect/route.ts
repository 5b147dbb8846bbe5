import { oauthRoutes } from "@/app/_http/oauth-routes";
import { introspectEndpoint } from "@/lib/oauth/introspect/introspect-endpoint";

export const { POST, OPTIONS } = oauthRoutes({ POST: introspectEndpoint }, { cors: true, noStore: true });
