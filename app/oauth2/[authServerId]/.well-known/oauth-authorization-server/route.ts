import { oauthRoutes } from "@/app/_http/oauth-routes";
import { DOCUMENT_ENDPOINT_OPTIONS, DOCUMENT_ENDPOINTS } from "@/lib/oauth/http/document-endpoints";

export const { GET, OPTIONS } = oauthRoutes({ GET: DOCUMENT_ENDPOINTS[".well-known/oauth-authorization-server"] }, DOCUMENT_ENDPOINT_OPTIONS);
