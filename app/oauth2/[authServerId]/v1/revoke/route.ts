import { oauthRoutes } from "@/app/_http/oauth-routes";
import { revokeEndpoint } from "@/lib/oauth/revoke/revoke-endpoint";

export const { POST, OPTIONS } = oauthRoutes({ POST: revokeEndpoint }, { cors: true, noStore: true });
